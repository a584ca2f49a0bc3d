package dev.mamori.mail;

/**
 * One message as read from a mailbox, Maildir, .eml file or standard input: where it came from
 * ({@code source} is the file, {@code index} its 1-based position in an mbox, 1 otherwise) and its
 * bytes exactly as stored (an mbox {@code From } line removed, {@code >From} unquoted is NOT done:
 * the bytes are what the trap received). {@code truncated} is set when the message was longer than
 * the reader's size limit and only its first bytes are kept.
 */
public record MailMessage(String source, long index, byte[] raw, boolean truncated) {
}
