package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module table of docs/architecture.md is the dependency rule, and the code keeps it: each
 * module holds exactly the packages its row names, imports only the JDK, its own packages and
 * what its row allows, and its POM depends on no module of ours its row leaves out. Rows are in
 * dependency order, so an arrow that points back up the table is a cycle and fails here. The
 * library modules touch nothing outside the values they are given.
 */
class ModuleRulesTest {
  private static final String ROOT_PACKAGE = "dev.apiserverpolicy.";
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([\\w-]+)` \\| ([^|]*) \\| [^|]* \\| ([^|]*) \\|$");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)\\*?;");
  /** A qualified name written in code rather than imported, e.g. {@code org.snakeyaml.engine.v2.api.Load}. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.\"])((?:dev|org|com|info|inet|picocli|io|jakarta|javax|sun)\\.[a-z]\\w*(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*)");
  /** What a library module must not touch: the disk, the network, the clock, the environment, randomness. */
  private static final Pattern IMPURE = Pattern.compile("\\b(java\\.nio\\.file|java\\.io\\.File\\w*"
      + "|java\\.net\\.(?!URI\\b|URISyntaxException\\b)\\w+"
      + "|System\\.(getenv|getProperty|getProperties|currentTimeMillis|nanoTime)|Instant\\.now|Clock"
      + "|(Secure)?Random|randomUUID|ProcessBuilder|Runtime\\.getRuntime\\(\\)\\.exec|Thread\\.sleep)\\b");
  private static final Pattern MODULE = Pattern.compile("<module>([\\w-]+)</module>");
  private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");

  /** One row of the table. */
  private record Rule(String module, List<String> packages, List<String> modules, List<String> libraries) {}

  private static Map<String, Rule> rules() throws IOException {
    String page = Files.readString(ProjectFiles.root().resolve("docs/architecture.md"), StandardCharsets.UTF_8);
    Map<String, Rule> rules = new LinkedHashMap<>();
    Matcher row = ROW.matcher(page);
    while (row.find()) {
      List<String> modules = new ArrayList<>();
      List<String> libraries = new ArrayList<>();
      for (String used : ticked(row.group(3))) {
        (rules.containsKey(used) || used.startsWith("policy-") || used.equals("examples") ? modules : libraries)
            .add(used);
      }
      rules.put(row.group(1), new Rule(row.group(1), ticked(row.group(2)), modules, libraries));
    }
    return rules;
  }

  private static List<String> ticked(String cell) {
    List<String> names = new ArrayList<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Code with comments and string literals blanked, so a name in prose is not taken for a use. */
  private static String code(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
        .replaceAll("//[^\\n]*", " ");
  }

  @Test
  void theTableNamesEveryModuleOfTheBuildInDependencyOrder() throws IOException {
    Map<String, Rule> rules = rules();
    String pom = Files.readString(ProjectFiles.root().resolve("pom.xml"), StandardCharsets.UTF_8);
    Set<String> built = new TreeSet<>();
    Matcher m = MODULE.matcher(pom);
    while (m.find()) {
      built.add(m.group(1));
    }
    assertEquals(built, new TreeSet<>(rules.keySet()), "modules in pom.xml and in docs/architecture.md");
    List<String> above = new ArrayList<>();
    for (Rule rule : rules.values()) {
      for (String used : rule.modules()) {
        assertTrue(above.contains(used), rule.module() + " may use " + used + ", which is not above it in the table");
      }
      above.add(rule.module());
    }
  }

  // A row names our packages short (model) and the root package in full (dev.apiserverpolicy).
  private static String fullName(String pkg) {
    return pkg.startsWith("dev.apiserverpolicy") ? pkg : ROOT_PACKAGE + pkg;
  }

  // In the package or below it; from the root package only its own classes, not every package of ours.
  private static boolean inPackage(String name, String pkg) {
    if (!name.startsWith(pkg + ".")) {
      return false;
    }
    return !pkg.equals("dev.apiserverpolicy") || Character.isUpperCase(name.charAt(pkg.length() + 1));
  }

  @Test
  void eachModuleHoldsItsPackagesAndImportsOnlyWhatItsRowAllows() throws IOException {
    Map<String, Rule> rules = rules();
    List<String> broken = new ArrayList<>();
    int files = 0;
    for (Rule rule : rules.values()) {
      Set<String> allowed = new LinkedHashSet<>(List.of("java"));
      rule.packages().forEach(p -> allowed.add(fullName(p)));
      for (String module : rule.modules()) {
        rules.get(module).packages().forEach(p -> allowed.add(fullName(p)));
      }
      allowed.addAll(rule.libraries());
      Set<String> packagesSeen = new TreeSet<>();
      for (Path file : ProjectFiles.mainSources(rule.module())) {
        files++;
        if (file.getFileName().toString().equals(DESCRIPTOR)) {
          continue; // declares no package; descriptorsRequireOnlyWhatTheirRowAllows reads it
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher pkg = PACKAGE.matcher(text);
        String declared = pkg.find() ? pkg.group(1) : "(none)";
        String shortName = declared.startsWith(ROOT_PACKAGE) ? declared.substring(ROOT_PACKAGE.length()) : declared;
        packagesSeen.add(shortName);
        if (!rule.packages().contains(shortName)) {
          broken.add(rule.module() + ": " + file.getFileName() + " is in package " + declared);
        }
        String code = code(text);
        for (Pattern use : List.of(IMPORT, QUALIFIED)) {
          Matcher m = use.matcher(code);
          while (m.find()) {
            String name = m.group(1);
            if (allowed.stream().noneMatch(p -> inPackage(name, p)) && !inPackage(name, declared)) {
              broken.add(rule.module() + ": " + file.getFileName() + " uses " + name);
            }
          }
        }
      }
      if (!packagesSeen.equals(new TreeSet<>(rule.packages()))) {
        broken.add(rule.module() + ": holds packages " + packagesSeen + ", its row names " + rule.packages());
      }
    }
    assertEquals(List.of(), broken);
    assertTrue(files > 100, "checked " + files + " files");
  }

  private static final String DESCRIPTOR = "module-info.java";
  private static final Pattern MODULE_NAME = Pattern.compile("(?m)^module ([\\w.]+) \\{");
  private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*requires (?:(?:transitive|static) )*([\\w.]+);");
  private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports ([\\w.]+);");

  /**
   * Each library module is a named module ({@code policy-render} is {@code dev.apiserverpolicy.render}) whose
   * descriptor requires no module of ours its row leaves out and exports only packages its row names.
   */
  @Test
  void descriptorsRequireOnlyWhatTheirRowAllows() throws IOException {
    Map<String, Rule> rules = rules();
    List<String> broken = new ArrayList<>();
    List<String> modules = new ArrayList<>(ProjectFiles.LIBRARY_MODULES);
    modules.add("policy-fabric8");
    for (String module : modules) {
      Path descriptor = ProjectFiles.root().resolve(module).resolve("src/main/java").resolve(DESCRIPTOR);
      if (!Files.exists(descriptor)) {
        // policy-read's is compiled on its own, after shade's relocation (the file says why).
        descriptor = ProjectFiles.root().resolve(module).resolve("src/main/module").resolve(DESCRIPTOR);
      }
      String code = code(Files.readString(descriptor, StandardCharsets.UTF_8));
      Matcher name = MODULE_NAME.matcher(code);
      assertTrue(name.find(), module + ": no module declaration");
      assertEquals(moduleName(module), name.group(1), module + ": module name");
      Rule rule = rules.get(module);
      Matcher requires = REQUIRES.matcher(code);
      while (requires.find()) {
        String required = requires.group(1);
        if (required.startsWith(ROOT_PACKAGE) && rule.modules().stream().map(ModuleRulesTest::moduleName)
            .noneMatch(required::equals)) {
          broken.add(module + " requires " + required + ", which its row leaves out");
        }
      }
      Matcher exports = EXPORTS.matcher(code);
      while (exports.find()) {
        if (rule.packages().stream().map(ModuleRulesTest::fullName).noneMatch(exports.group(1)::equals)) {
          broken.add(module + " exports " + exports.group(1) + ", which its row does not name");
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  private static String moduleName(String module) {
    return ROOT_PACKAGE + module.substring("policy-".length());
  }

  @Test
  void libraryModulesTouchNoDiskNetworkClockEnvironmentOrRandomness() throws IOException {
    List<String> impure = new ArrayList<>();
    List<String> pure = new ArrayList<>(ProjectFiles.LIBRARY_MODULES);
    pure.add("policy-fabric8");
    for (String module : pure) {
      for (Path file : ProjectFiles.mainSources(module)) {
        Matcher m = IMPURE.matcher(code(Files.readString(file, StandardCharsets.UTF_8)));
        while (m.find()) {
          impure.add(module + ": " + file.getFileName() + " uses " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), impure);
  }

  private static final Pattern PACKAGE_ROW = Pattern.compile("(?m)^\\| `([\\w.]+)` \\| [^|]* \\| ([^|]*) \\|$");

  /** The rows of "Packages of policy-render": each package and the packages of the module it may use. */
  private static Map<String, List<String>> renderPackages() throws IOException {
    String page = Files.readString(ProjectFiles.root().resolve("docs/architecture.md"), StandardCharsets.UTF_8);
    int start = page.indexOf("### Packages of policy-render");
    String section = page.substring(start, page.indexOf("\n#", start + 1));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher row = PACKAGE_ROW.matcher(section);
    while (row.find()) {
      rows.put(fullName(row.group(1)), ticked(row.group(2)).stream().map(ModuleRulesTest::fullName).toList());
    }
    return rows;
  }

  /**
   * Inside policy-render, a package uses only the packages of the module its row names: the table
   * names every package the module holds, in dependency order, so no arrow points back.
   */
  @Test
  void eachPackageOfTheRendererUsesOnlyWhatItsRowAllows() throws IOException {
    Map<String, List<String>> rows = renderPackages();
    List<String> module = rules().get("policy-render").packages().stream().map(ModuleRulesTest::fullName).toList();
    assertEquals(new TreeSet<>(module), new TreeSet<>(rows.keySet()), "packages in the table and in the module row");
    List<String> above = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    rows.forEach((pkg, uses) -> {
      uses.stream().filter(u -> !above.contains(u)).forEach(u -> broken.add(pkg + " may use " + u
          + ", which is not above it"));
      above.add(pkg);
    });
    for (Path file : ProjectFiles.mainSources("policy-render")) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher declared = PACKAGE.matcher(text);
      String pkg = declared.find() ? declared.group(1) : "";
      List<String> allowed = rows.getOrDefault(pkg, List.of());
      for (Pattern use : List.of(IMPORT, QUALIFIED)) {
        Matcher m = use.matcher(code(text));
        while (m.find()) {
          broken.addAll(crossing(m.group(1), pkg, allowed, module, file));
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  /** The use of {@code name} from {@code pkg}, if it is of a package of the module the row leaves out. */
  private static List<String> crossing(String name, String pkg, List<String> allowed, List<String> module,
      Path file) {
    String used = name.substring(0, name.lastIndexOf('.'));
    // A nested type (render.ClusterManifests.Builder) names its class, not a package.
    while (!module.contains(used) && used.contains(".") && Character.isUpperCase(
        used.charAt(used.lastIndexOf('.') + 1))) {
      used = used.substring(0, used.lastIndexOf('.'));
    }
    if (module.contains(used) && !used.equals(pkg) && !allowed.contains(used)) {
      return List.of(pkg + ": " + file.getFileName() + " uses " + name);
    }
    return List.of();
  }

  /** The renderer never sees YAML: only the front door, in the root package, uses the reader. */
  @Test
  void onlyTheFrontDoorReads() throws IOException {
    List<String> readers = new ArrayList<>();
    for (Path file : ProjectFiles.mainSources("policy-render")) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.contains("package dev.apiserverpolicy.render") && text.contains("dev.apiserverpolicy.read.")) {
        readers.add(file.getFileName().toString());
      }
    }
    assertEquals(List.of(), readers);
  }

  @Test
  void noPomDependsOnAModuleItsRowLeavesOut() throws IOException {
    Map<String, Rule> rules = rules();
    List<String> broken = new ArrayList<>();
    for (Rule rule : rules.values()) {
      String pom = Files.readString(ProjectFiles.root().resolve(rule.module()).resolve("pom.xml"),
          StandardCharsets.UTF_8);
      // What it depends on, not what it manages (the BOM manages every module).
      String used = pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
      Matcher dependency = DEPENDENCY.matcher(used.contains("<dependencies>") ? used.substring(used
          .indexOf("<dependencies>")) : "");
      while (dependency.find()) {
        String body = dependency.group(1);
        Matcher artifact = Pattern.compile("<artifactId>([\\w-]+)</artifactId>").matcher(body);
        assertTrue(artifact.find(), body);
        String name = artifact.group(1);
        boolean ours = rules.containsKey(name);
        boolean testOnly = body.contains("<scope>test</scope>");
        if (ours && !testOnly && !rule.modules().contains(name)) {
          broken.add(rule.module() + "/pom.xml depends on " + name);
        }
      }
    }
    assertEquals(List.of(), broken);
    assertFalse(rules.isEmpty());
  }

  /** Libraries a test may import, by the artifact its module's POM must then declare (none arrives unlisted). */
  private static final Map<String, String> TEST_LIBRARIES = Map.of(
      "org.snakeyaml.engine", "snakeyaml-engine", "inet.ipaddr", "ipaddress", "org.quicktheories", "quicktheories",
      "com.networknt", "json-schema-validator");

  /**
   * A test that imports a library its module's POM does not declare runs only while another module brings it
   * along (policy-read's jar carries snakeyaml-engine relocated, so its POM does not list it).
   */
  @Test
  void everyLibraryATestImportsIsDeclaredByItsModule() throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (Rule rule : rules().values()) {
      Path module = ProjectFiles.root().resolve(rule.module());
      String pom = Files.readString(module.resolve("pom.xml"), StandardCharsets.UTF_8);
      Set<String> imported = new TreeSet<>();
      for (Path source : ProjectFiles.testSources(rule.module())) {
        Matcher m = IMPORT.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (m.find()) {
          String name = m.group(1);
          TEST_LIBRARIES.keySet().stream().filter(name::startsWith).forEach(imported::add);
        }
      }
      imported.stream().filter(p -> !pom.contains("<artifactId>" + TEST_LIBRARIES.get(p) + "</artifactId>"))
          .forEach(p -> undeclared.add(rule.module() + " imports " + p + " without declaring "
              + TEST_LIBRARIES.get(p)));
    }
    assertEquals(List.of(), undeclared);
  }
}
