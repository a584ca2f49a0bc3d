package dev.mamori.table;

import java.io.Console;
import java.io.PrintWriter;

/** The database password a user types when asked ({@code --db-password}), for {@code mamori scan} and {@code mamori spark scan}. */
public final class DatabasePassword {

    private DatabasePassword() {
    }

    /**
     * A password typed by the user (null when standard input ended first), not echoed: through the console when there is
     * one; else (the report redirected to a file, so Java sees no console) the prompt on standard error and the
     * terminal's echo turned off with stty while a line is read from standard input, which may also be a pipe.
     */
    public static String ask(PrintWriter err, String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", prompt);
            return pw == null ? null : new String(pw);
        }
        err.print(prompt);
        err.flush();
        boolean silenced = stty("-echo"); // fails, changing nothing, when standard input is not a terminal
        Thread restore = silenced ? new Thread(() -> stty("echo")) : null;
        if (restore != null) {
            Runtime.getRuntime().addShutdownHook(restore); // Ctrl-C at the prompt
        }
        try {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b = System.in.read();
            if (b < 0) {
                return null;
            }
            for (; b >= 0 && b != '\n'; b = System.in.read()) { // byte by byte: the rest stays for '-'
                line.write(b);
            }
            String pw = line.toString(java.nio.charset.StandardCharsets.UTF_8);
            return pw.endsWith("\r") ? pw.substring(0, pw.length() - 1) : pw;
        } catch (java.io.IOException e) {
            return null;
        } finally {
            if (restore != null) {
                stty("echo");
                Runtime.getRuntime().removeShutdownHook(restore);
            }
            err.println(); // the typed line's end was not echoed, or came from a pipe
            err.flush();
        }
    }

    private static boolean stty(String arg) {
        try {
            Process p = new ProcessBuilder("stty", arg).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false; // no stty (Windows): the line is read as typed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
