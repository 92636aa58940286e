/**
 * Command line (picocli): {@code produce}, {@code bench}, {@code baseline}, {@code delete-topics} and their shared
 * option groups.
 */
package dev.streamcast.loadgen.cli;
