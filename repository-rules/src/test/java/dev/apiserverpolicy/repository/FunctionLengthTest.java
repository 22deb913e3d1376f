package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Small functions: no method or constructor in main code is longer than {@link #MAX_LINES}
 * lines, from the line that names it to its closing brace. A method is a block whose opening
 * brace follows a parameter list ({@code name(...)}, perhaps {@code throws ...}) that is not a
 * statement ({@code if}, {@code for}, {@code catch}, ...), a lambda, an anonymous class or a
 * record's header (a record's body is a class body, its methods are counted one by one).
 */
class FunctionLengthTest {
  static final int MAX_LINES = 60;
  private static final Pattern SIGNATURE = Pattern.compile(
      "(\\w+)\\s*\\([^;{}]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\s*$");
  private static final Set<String> STATEMENTS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
      "try", "else", "do", "return");

  /** Comments, text blocks, strings and characters blanked, newlines kept so that lines still count. */
  static String code(String text) {
    return blank(blank(blank(blank(text, "(?s)/\\*.*?\\*/"), "(?s)\"\"\".*?\"\"\""), "\"(?:\\\\.|[^\"\\\\\\n])*\""),
        "'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*");
  }

  private static String blank(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
    }
    return m.appendTail(out).toString();
  }

  /** One function: its name, the line it starts on and how many lines it spans. */
  record Function(String name, int line, int lines) {}

  static List<Function> functions(String text) {
    String code = code(text);
    List<Function> found = new ArrayList<>();
    Deque<Optional<Function>> open = new ArrayDeque<>();
    int statementStart = 0;
    int line = 1;
    int[] lineAt = new int[code.length() + 1];
    for (int i = 0; i < code.length(); i++) {
      lineAt[i] = line;
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '{') {
        open.push(method(code, statementStart, i, lineAt));
        statementStart = i + 1;
      } else if (c == '}') {
        Optional<Function> closed = open.isEmpty() ? Optional.empty() : open.pop();
        int end = line;
        closed.ifPresent(f -> found.add(new Function(f.name(), f.line(), end - f.line() + 1)));
        statementStart = i + 1;
      } else if (c == ';') {
        statementStart = i + 1;
      }
    }
    return found;
  }

  private static Optional<Function> method(String code, int from, int brace, int[] lineAt) {
    String before = code.substring(from, brace);
    Matcher m = SIGNATURE.matcher(before);
    if (!m.find() || STATEMENTS.contains(m.group(1)) || before.contains("->")
        || before.substring(0, m.start(1)).matches("(?s).*\\bnew\\s+[\\w.<>, ]*$")
        || before.substring(0, m.start(1)).matches("(?s).*\\brecord\\s+$")) {
      return Optional.empty();
    }
    return Optional.of(new Function(m.group(1), lineAt[from + m.start(1)], 0));
  }

  @Test
  void noFunctionInMainCodeIsLongerThanSixtyLines() throws IOException {
    List<String> long_ = new ArrayList<>();
    int checked = 0;
    for (Path file : mainSources()) {
      for (Function f : functions(Files.readString(file, StandardCharsets.UTF_8))) {
        checked++;
        if (f.lines() > MAX_LINES) {
          long_.add(ProjectFiles.root().relativize(file) + ":" + f.line() + " " + f.name() + " " + f.lines());
        }
      }
    }
    assertEquals(List.of(), long_, "functions over " + MAX_LINES + " lines");
    assertTrue(checked > 1000, "checked " + checked + " functions");
  }

  /** A record's header is not a function; the methods in its body are. */
  @Test
  void aRecordIsAClassNotAFunction() {
    String text = "record R(int a) {\n  int b() {\n    return a;\n  }\n" + "  // x\n".repeat(70) + "}\n";
    assertEquals(List.of(new Function("b", 2, 3)), functions(text));
  }

  /** The scanner itself: a method, a statement block inside it, a lambda and a long one are told apart. */
  @Test
  void theScannerFindsMethodsAndTheirLength() {
    String body = "    x();\n".repeat(61);
    String text = "class A {\n  void short_() {\n    if (a) {\n      b(\"}\");\n    }\n    run(() -> {\n    });\n  }\n"
        + "  int long_(int a) throws X {\n" + body + "  }\n  A() {\n    new B() {\n    };\n  }\n}\n";
    assertEquals(List.of(new Function("short_", 2, 7), new Function("long_", 9, 63), new Function("A", 72, 4)),
        functions(text));
  }

  private static List<Path> mainSources() throws IOException {
    List<Path> all = new ArrayList<>();
    try (var modules = Files.list(ProjectFiles.root())) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        if (Files.isDirectory(module.resolve("src/main/java"))) {
          all.addAll(ProjectFiles.mainSources(module.getFileName().toString()));
        }
      }
    }
    return all;
  }
}
