package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CidrFormatException;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.ResolvedHosts;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.SpecialPurposeAddresses;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resolve}: looks up every host name the inputs need addresses for and writes them as a
 * ResolvedHosts file that the other commands read with the inputs; {@code --check} compares
 * instead of writing. A host that does not resolve stops the command and leaves FILE as it was:
 * an empty list of addresses would mean "allow all" or "allow none". Gated like render: lint's
 * errors, but for the missing addresses it finds, stop it before any lookup; and the answers are
 * linted with the inputs before FILE is written.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = {"Look up (A and AAAA) the host of every OIDC issuer URL, authorization webhook URL and extraEgress "
        + "host the inputs need addresses for (not those the Cilium flavour's fqdnEgress reaches by name), and "
        + "write their addresses to FILE (a ResolvedHosts document, sorted, with a "
        + "generated header). render, lint and explain read FILE with the other inputs; typed-in ips win over it.",
        "With --check, write nothing: compare the answers with FILE and list, per host, the addresses added and "
            + "removed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:FILE written, or (--check) FILE is up to date",
        "1:(--check) the answers differ from FILE, or FILE does not exist", "2:usage error",
        "3:a host does not resolve (FILE untouched), or an unreadable input or unwritable FILE",
        "4:the inputs have errors other than missing addresses (nothing is looked up), or still have errors with the "
            + "answers (FILE untouched); or (--check) FILE is not one ResolvedHosts document"})
final class ResolveCommand implements Callable<Integer> {
  private static final ManifestReader READER = ManifestReader.create();
  /** The most host names one run looks up. */
  static final int MAX_HOSTS = 1000;
  /** The name of the document resolve writes. */
  static final String DOCUMENT_NAME = "resolved-hosts";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Input files or folders (every .yaml, .yml and .json file below a folder, in sorted order).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The ResolvedHosts file to write (or, with --check, to compare with).")
  Path out;

  @Option(names = "--check", description = "Write nothing; exit 1 if the answers differ from FILE.")
  boolean check;

  private final HostLookup lookup;

  ResolveCommand(HostLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    LinksOnTheWay.refuse(out, "--out");
    LoadedInput loaded = LoadedInput.loadAllBut(paths, out);
    // Gated like render: an error resolving cannot fix means the hosts the inputs need are not certain.
    List<Diagnostic> blocking = errors(loaded.read()).stream()
        .filter(d -> !ApiserverPolicy.fixedByResolving(d.code())).toList();
    if (!blocking.isEmpty()) {
      return refuse(blocking, "the inputs have errors that resolving does not fix, so which hosts they need is not "
          + "certain; nothing was looked up", err);
    }
    SortedMap<String, List<String>> hosts = ApiserverPolicy.hostsToResolve(loaded.read());
    if (hosts.size() > MAX_HOSTS) {
      // Each lookup may wait seconds for a slow server: an input naming thousands is refused, not run.
      err.println("error: the inputs name " + hosts.size() + " host names; resolve looks up at most " + MAX_HOSTS);
      err.println("  hint: an installation names a handful of issuers and webhooks; check the inputs");
      err.flush();
      return ExitCodes.INPUT_FINDINGS;
    }
    ResolvedHosts.Builder resolved = ResolvedHosts.builder().name(DOCUMENT_NAME);
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, List<String>> host : hosts.entrySet()) {
      try {
        resolved.putHosts(host.getKey(), addresses(host.getKey()));
      } catch (UnusableAnswerException e) {
        failed.add(host.getKey());
        err.println("error[address-special-purpose]: " + TerminalText.escape(e.getMessage()) + " (needed by "
            + String.join(", ", host.getValue()) + "); an allow rule to it would open what no API server needs");
      } catch (UnknownHostException e) {
        failed.add(host.getKey());
        err.println("error: " + TerminalText.escape(host.getKey()) + " does not resolve (needed by "
            + String.join(", ", host.getValue()) + ")");
      }
    }
    if (!failed.isEmpty()) {
      err.println("  hint: check the name and this machine's DNS; " + displayed(out) + " was left as it was");
      err.flush();
      return ExitCodes.FILE_ACCESS;
    }
    ResolvedHosts now = resolved.build();
    List<Diagnostic> after = errors(loaded.read().plus(Inputs.builder().addResolvedHosts(now).build()));
    if (!after.isEmpty()) {
      return refuse(after, "the inputs still have errors with these answers", err);
    }
    return check ? check(now, err) : write(now, loaded.labelFor(out.toAbsolutePath().getParent()).label(), err);
  }

  /** Every error lint finds in {@code read}, under the profiles the inputs name. */
  private static List<Diagnostic> errors(Inputs read) {
    return LoadedInput.rendered(read, RenderOptions.defaults()).allDiagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR).toList();
  }

  private int refuse(List<Diagnostic> errors, String why, PrintWriter err) {
    DiagnosticPrinter.text(err, errors);
    err.println("apiserver-policy: " + why + "; " + displayed(out) + " was not " + (check ? "checked" : "written"));
    err.flush();
    return ExitCodes.INPUT_FINDINGS;
  }

  /** The host's addresses as host ranges, sorted (IPv4 first), each once. */
  private List<Cidr> addresses(String host) throws UnknownHostException {
    TreeSet<Cidr> sorted = new TreeSet<>();
    for (InetAddress address : lookup.addresses(host)) {
      String text = address.getHostAddress();
      if (text.indexOf('%') >= 0) {
        throw new UnusableAnswerException(host + " resolves to " + text + ", an address with a zone, which means "
            + "a different host on each interface");
      }
      Cidr parsed;
      try {
        parsed = Cidr.parseHost(text);
      } catch (CidrFormatException e) {
        throw new UnknownHostException(host + ": an address the resolver gave cannot be read: " + text);
      }
      Optional<SpecialPurposeAddresses.Range> special = SpecialPurposeAddresses.containing(parsed);
      if (special.isPresent()) {
        throw new UnusableAnswerException(host + " resolves to "
            + SpecialPurposeAddresses.describe(parsed, special.get()));
      }
      sorted.add(parsed);
    }
    if (sorted.isEmpty()) {
      throw new UnknownHostException(host);
    }
    return List.copyOf(sorted);
  }

  private int write(ResolvedHosts now, String label, PrintWriter err) throws FileAccessException {
    refuseOddTarget();
    byte[] content = YamlManifestWriter.write(now, label).getBytes(StandardCharsets.UTF_8);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ManifestFileWriter.ATOMIC.write(out, content);
    } catch (IOException e) {
      throw new FileAccessException(displayed(out) + ": cannot be written (" + e.getMessage() + ")",
          "check that its folder exists and is writable");
    }
    err.println("apiserver-policy: resolved " + now.hosts().size() + (now.hosts().size() == 1 ? " host" : " hosts")
        + " into " + displayed(out));
    err.flush();
    return ExitCodes.OK;
  }

  private int check(ResolvedHosts now, PrintWriter err) throws FileAccessException {
    refuseOddTarget();
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      err.println("error: " + displayed(out) + " does not exist");
      err.println("  hint: run apiserver-policy resolve without --check to write it");
      err.flush();
      return ExitCodes.DIFFERS;
    }
    Inputs before;
    try (InputStream in = Files.newInputStream(out, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      before = READER.read(displayed(out), in);
    } catch (IOException e) {
      throw new FileAccessException(displayed(out) + ": cannot be read (" + e.getMessage() + ")",
          "check that it is readable");
    }
    if (before.hasErrors() || before.resolvedHosts().size() != 1) {
      DiagnosticPrinter.text(err, before.diagnostics());
      err.println("apiserver-policy: " + displayed(out) + " is not one ResolvedHosts document; run apiserver-policy "
          + "resolve without --check to write it again");
      err.flush();
      return ExitCodes.INPUT_FINDINGS;
    }
    List<String> drift = drift(before.resolvedHosts().get(0).hosts(), now.hosts());
    PrintWriter stdout = spec.commandLine().getOut();
    drift.forEach(stdout::println);
    stdout.flush();
    if (drift.isEmpty()) {
      err.println("apiserver-policy: " + displayed(out) + " is up to date (" + now.hosts().size()
          + (now.hosts().size() == 1 ? " host)" : " hosts)"));
      err.flush();
      return ExitCodes.OK;
    }
    err.println("apiserver-policy: " + displayed(out) + " is out of date: " + drift.size()
        + (drift.size() == 1 ? " host differs" : " hosts differ") + "; run apiserver-policy resolve without --check");
    err.flush();
    return ExitCodes.DIFFERS;
  }

  /** One line per host whose addresses differ: what was added and what was removed. */
  static List<String> drift(Map<String, List<Cidr>> before, Map<String, List<Cidr>> now) {
    TreeMap<String, Boolean> hosts = new TreeMap<>();
    before.keySet().forEach(h -> hosts.put(h, true));
    now.keySet().forEach(h -> hosts.put(h, true));
    List<String> lines = new ArrayList<>();
    for (String host : hosts.keySet()) {
      TreeSet<Cidr> was = new TreeSet<>(before.getOrDefault(host, List.of()));
      TreeSet<Cidr> is = new TreeSet<>(now.getOrDefault(host, List.of()));
      if (was.equals(is)) {
        continue;
      }
      TreeSet<Cidr> added = new TreeSet<>(is);
      added.removeAll(was);
      TreeSet<Cidr> removed = new TreeSet<>(was);
      removed.removeAll(is);
      StringBuilder line = new StringBuilder(TerminalText.escape(host)).append(':');
      if (was.isEmpty()) {
        line.append(" newly needed;");
      } else if (is.isEmpty()) {
        line.append(" no longer needed;");
      }
      if (!added.isEmpty()) {
        line.append(" added ").append(String.join(", ", added.stream().map(Cidr::firstAddressText).toList()));
      }
      if (!removed.isEmpty()) {
        line.append(added.isEmpty() ? "" : ";").append(" removed ")
            .append(String.join(", ", removed.stream().map(Cidr::firstAddressText).toList()));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** FILE is written by rename, never through a link; and a folder, a link or a pipe there is refused. */
  private void refuseOddTarget() throws FileAccessException {
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAccessException(displayed(out) + ": is not a regular file (a link, a folder or a pipe)",
          "give the path of the ResolvedHosts file itself");
    }
  }

  private static String displayed(Path path) {
    return TerminalText.escape(LoadedInput.display(path));
  }

  /** A resolver's answer that must never become an allow rule (special-purpose, or with a zone). */
  static final class UnusableAnswerException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    UnusableAnswerException(String message) {
      super(message);
    }
  }
}
