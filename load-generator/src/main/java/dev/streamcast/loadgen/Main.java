package dev.streamcast.loadgen;

import dev.streamcast.loadgen.cli.LoadGeneratorCommand;

/**
 * Entry point of {@code load-generator.jar}.
 *
 * <pre>
 *   java -jar load-generator/target/load-generator.jar produce --keys 10000 --rate 50000 --duration 60s
 *   java -jar load-generator/target/load-generator.jar bench --baseline --count 200000 --rate 20000
 *   java -jar load-generator/target/load-generator.jar --help
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LoadGeneratorCommand.commandLine().execute(args));
    }
}
