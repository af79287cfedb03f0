/** The {@code mimamori-training} command line: one picocli subcommand per concern. */
package org.mimamori.training.cli;
