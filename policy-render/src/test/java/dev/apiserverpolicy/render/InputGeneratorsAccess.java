package dev.apiserverpolicy.render;

import org.quicktheories.core.Gen;

/** Lets tests in sub-packages use the package-private input generators. */
public final class InputGeneratorsAccess {
  private InputGeneratorsAccess() {}

  /** See {@link InputGenerators#inputs()}. */
  public static Gen<ClusterInputs> inputs() {
    return InputGenerators.inputs();
  }
}
