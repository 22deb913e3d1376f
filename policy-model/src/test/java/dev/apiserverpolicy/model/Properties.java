package dev.apiserverpolicy.model;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with a fixed seed, so CI runs are repeatable; {@code -Dqt.seed=N} tries
 * another seed locally and {@code -Dqt.examples=N} changes the number of examples.
 */
public final class Properties {
  private Properties() {}

  /** A theory with the project's seed and at least {@code examples} examples. */
  public static QuickTheory qt(int examples) {
    return QuickTheory.qt()
        .withFixedSeed(Long.getLong("qt.seed", 20261128L))
        .withExamples(Integer.getInteger("qt.examples", examples));
  }
}
