package consumer;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.fabric8.Fabric8Objects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The quick start as fabric8 objects. */
public final class QuickStart {
  private QuickStart() {}

  /** Every YAML file under a folder, rendered. */
  public static ApiserverPolicy.Result render(Path folder) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ApiserverPolicy.create().render(files);
  }

  /** The rendered objects as fabric8's own. */
  public static List<HasMetadata> asFabric8(ApiserverPolicy.Result result) {
    return Fabric8Objects.of(result);
  }
}
