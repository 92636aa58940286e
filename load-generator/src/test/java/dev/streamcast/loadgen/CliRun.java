package dev.streamcast.loadgen;

import dev.streamcast.loadgen.cli.LoadGeneratorCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The real command line run in-process, as a user runs it: its exit code and what it printed on stdout. */
record CliRun(int code, String out) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        var cl = LoadGeneratorCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString().replace("\r\n", "\n"));
    }

    /** The last line printed (the bench's JSON result). */
    String lastLine() {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
