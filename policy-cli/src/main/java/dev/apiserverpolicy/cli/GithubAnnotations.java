package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import java.util.List;

/**
 * {@code lint --format github}: one GitHub Actions workflow command a finding
 * ({@code ::error file=F,line=L,col=C,title=code::message}), which the pull request shows as an
 * annotation on the line. Values are escaped as the runner reads them, so no input text can end
 * the command or start another.
 */
final class GithubAnnotations {
  private GithubAnnotations() {}

  static String write(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append("::").append(switch (d.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "notice";
      }).append(' ');
      d.file().ifPresent(f -> out.append("file=").append(property(f)).append(','));
      if (d.line() > 0) {
        out.append("line=").append(d.line()).append(",col=").append(Math.max(1, d.column())).append(',');
      }
      out.append("title=").append(property(d.code().id() + d.object().map(o -> " " + o).orElse("")));
      out.append("::").append(data(d.message() + "\nhint: " + d.hint())).append('\n');
    }
    return out.toString();
  }

  /** A command's data: {@code %}, CR and LF escaped. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command's property value: also {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
