import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the first rows of a CSV (UTF-8, no quoted commas: the bench's customer CSV) as a legacy .xls and as an .xlsx,
 * every cell a string, the CSV itself beside them with the same rows, so that `mamori scan` can be timed on the same
 * table in the three formats (docs/benchmarks.md, "Session 53"). A .xls holds at most 65,536 rows a sheet; more rows
 * go to further sheets, each with the header.
 *
 *   java -cp mamori-app/target/mamori.jar tools/CsvToWorkbooks.java bench-data/customers-200m.csv 200000 OUT
 */
public class CsvToWorkbooks {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        int rows = Integer.parseInt(args[1]);
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]));
             Workbook xls = new HSSFWorkbook(); SXSSFWorkbook xlsx = new SXSSFWorkbook(1000);
             var csv = Files.newBufferedWriter(out.resolve("table.csv"))) {
            String[] header = in.readLine().split(",", -1);
            csv.write(String.join(",", header) + "\n");
            Sheet[] sheets = new Sheet[2];
            int inSheet = 65_536;
            for (int r = 0; r < rows; r++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                csv.write(line + "\n");
                if (inSheet == 65_536) {
                    sheets[0] = xls.createSheet("Sheet" + (xls.getNumberOfSheets() + 1));
                    sheets[1] = xlsx.createSheet("Sheet" + (xlsx.getNumberOfSheets() + 1));
                    for (Sheet s : sheets) {
                        put(s.createRow(0), header);
                    }
                    inSheet = 1;
                }
                String[] cells = line.split(",", -1);
                for (Sheet s : sheets) {
                    put(s.createRow(inSheet), cells);
                }
                inSheet++;
            }
            try (OutputStream o = Files.newOutputStream(out.resolve("table.xls"))) {
                xls.write(o);
            }
            try (OutputStream o = Files.newOutputStream(out.resolve("table.xlsx"))) {
                xlsx.write(o);
            }
            xlsx.dispose();
        }
    }

    private static void put(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }
}
