package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository is the whole product: nothing in it points outside it, and the
 * links of its documentation lead to files and headings that exist.
 */
class RepositoryStandsAloneTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
  private static final Set<String> TEXT = Set.of(".java", ".md", ".xml", ".sh", ".yaml", ".yml", ".json", ".txt");

  @Test
  void noFilePointsBesideTheCheckout() throws IOException {
    // Spelt in two parts so that this file does not match itself.
    String outside = ".." + "/shared";
    List<String> offenders = new ArrayList<>();
    for (Path file : projectFiles()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.contains(outside) || text.contains("shared" + ".dir")) {
        offenders.add(relative(file));
      }
    }
    assertEquals(List.of(), offenders, "files that refer to data beside the checkout");
  }

  @Test
  void documentationLinksResolve() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : projectFiles()) {
      if (!file.toString().endsWith(".md")) {
        continue;
      }
      Matcher m = LINK.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        String target = m.group(1);
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
          continue;
        }
        checked++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ProjectFiles.root().toAbsolutePath().normalize()) || !Files.exists(resolved)) {
          broken.add(relative(file) + " -> " + target);
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(relative(file) + " -> " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken, "broken links");
    assertTrue(checked >= 10, "checked " + checked + " links");
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
  private static Set<String> anchors(Path markdown) throws IOException {
    Set<String> out = new HashSet<>();
    if (!markdown.toString().endsWith(".md")) {
      return out;
    }
    Matcher m = HEADING.matcher(Files.readString(markdown, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
    }
    return out;
  }

  private static List<Path> projectFiles() throws IOException {
    Path root = ProjectFiles.root().toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        boolean skip = !dir.equals(root) && (name.startsWith(".") && !name.equals(".ci") || name.equals("target")
            || dir.equals(root.resolve("testdata")));
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (attrs.isRegularFile() && (dot >= 0 && TEXT.contains(name.substring(dot)) || file.getParent().endsWith(".ci")
            || name.equals("apiserver-policy"))) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    assertTrue(files.size() > 100, "walked " + files.size() + " files");
    return files;
  }

  private static String relative(Path file) {
    return ProjectFiles.root().toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
  }
}
