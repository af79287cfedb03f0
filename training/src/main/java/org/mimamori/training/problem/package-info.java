/**
 * What a command's problem is: the {@link org.mimamori.training.problem.ExitCode}s of every command and the
 * {@link org.mimamori.training.problem.CommandProblem} a command throws for a problem it found itself. Kept apart
 * from the command line so that every command's package can use them without a cycle.
 */
package org.mimamori.training.problem;
