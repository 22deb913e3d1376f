package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.render.yaml.JsonString;
import java.util.Optional;

/**
 * A command whose output a program may read (JSON, SARIF): when the command fails before it has
 * anything to say (an unreadable input, a defect), standard output still gets a document in that
 * format, naming the error and the exit code, besides the error on standard error.
 */
interface MachineOutput {
  /** The document for a failure, if the chosen format is a machine format. */
  Optional<String> failure(String message, String hint, int exitCode);

  /** {@code {"error": {"message": ..., "hint": ..., "exitCode": 3}}}, the JSON form of a failure. */
  static String jsonError(String message, String hint, int exitCode) {
    return "{\"error\": {\"message\": " + JsonString.quote(message) + ", \"hint\": " + JsonString.quote(hint)
        + ", \"exitCode\": " + exitCode + "}}\n";
  }
}
