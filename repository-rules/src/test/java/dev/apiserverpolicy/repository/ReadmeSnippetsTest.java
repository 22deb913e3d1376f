package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A README snippet marked {@code <!-- compiled: FILE -->} (or {@code <!-- compiled: FILE NAME -->})
 * is, word for word, the code between {@code // README begin} and {@code // README end} (each
 * followed by {@code NAME}) in FILE, which a consumer build compiles with
 * {@code -Xlint:all -Werror} and runs (embedding-test's src/it): README shows no code that does not
 * compile cleanly.
 */
class ReadmeSnippetsTest {
  private static final Pattern MARKED = Pattern.compile("<!-- compiled: (\\S+)( \\w+)? -->\n```java\n(.*?)```",
      Pattern.DOTALL);

  private static Pattern region(String name) {
    return Pattern.compile("\n([ \t]*)// README begin" + Pattern.quote(name) + "\n(.*?)\n[ \t]*// README end"
        + Pattern.quote(name) + "\n", Pattern.DOTALL);
  }

  @Test
  void everyMarkedSnippetIsTheCodeItNames() throws IOException {
    String readme = Files.readString(ProjectFiles.root().resolve("README.md"), StandardCharsets.UTF_8);
    Matcher snippet = MARKED.matcher(readme);
    int n = 0;
    while (snippet.find()) {
      n++;
      String source = Files.readString(ProjectFiles.root().resolve(snippet.group(1)), StandardCharsets.UTF_8);
      String name = snippet.group(2) == null ? "" : snippet.group(2);
      Matcher region = region(name).matcher(source);
      assertTrue(region.find(), snippet.group(1) + " has no '// README begin" + name + "' ... '// README end" + name
          + "'");
      assertEquals(snippet.group(3), dedent(region.group(2), region.group(1).length()) + "\n",
          "README's snippet and " + snippet.group(1) + " differ: change both");
    }
    assertTrue(n >= 1, "README marks its compiled snippets");
  }

  private static String dedent(String code, int indent) {
    List<String> lines = code.lines().toList();
    return lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n"));
  }
}
