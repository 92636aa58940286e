package dev.streamcast.app.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnchorsTest {

    @TempDir
    Path dir;

    @Test
    void readsMaeAndScoredPointsPerFileAndSeriesWhateverTheColumnOrder() throws Exception {
        Anchors a = Anchors.read(write("\uFEFFmethod, series ,n_test,MAE,file\narima,co2,94,0.2465,co2.csv\n"
                + "naive,co2,94,1.188,co2.csv\n\nnaive,x,,3,other.csv\n"));
        assertEquals(Map.of("arima", 0.2465, "naive", 1.188), a.of("co2.csv", "co2"));
        assertEquals(OptionalInt.of(94), a.scoredPoints("co2.csv", "co2"));
        assertEquals(OptionalInt.empty(), a.scoredPoints("other.csv", "x"));
        assertTrue(a.of("co2.csv", "other").isEmpty());
    }

    @Test
    void malformedFilesAreClearErrorsNamingTheLine() throws Exception {
        String header = "file,series,method,MAE\n";
        assertMessage("no 'MAE' column", "file,series,method,RMSE\n");
        assertMessage("line 2: 5 fields, the header has 4", header + "a.csv,s,arima,1,extra\n");
        assertMessage("line 2: MAE 'x' is not a number", header + "a.csv,s,arima,x\n");
        assertMessage("line 3: MAE must be a positive number, got 0", header + "a.csv,s,naive,2\na.csv,s,arima,0\n");
        assertMessage("line 3: a second row for arima", header + "a.csv,s,arima,2\na.csv,s,arima,3\n");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'f', 'i', 'l', 'e', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Anchors.read(latin1)).getMessage()
                .contains("not UTF-8"));
    }

    private void assertMessage(String expected, String content) throws Exception {
        Path f = write(content);
        String message = assertThrows(IllegalArgumentException.class, () -> Anchors.read(f)).getMessage();
        assertTrue(message.contains(expected), message);
    }

    private Path write(String content) throws Exception {
        Path f = Files.createTempFile(dir, "anchors", ".csv");
        Files.writeString(f, content);
        return f;
    }
}
