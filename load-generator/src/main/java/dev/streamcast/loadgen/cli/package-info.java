/** Command line (picocli): {@code produce}, {@code bench} and their shared option groups. */
package dev.streamcast.loadgen.cli;
