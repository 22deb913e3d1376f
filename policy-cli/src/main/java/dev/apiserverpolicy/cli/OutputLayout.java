package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.YamlManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each rendered object goes under {@code --out}. The default GitOps layout is
 * {@code <seed>/cluster-<name>/<kind>-<name>.yaml} plus a {@code kustomization.yaml} per
 * cluster; {@code single-file} writes {@code <seed>/cluster-<name>.yaml}. Every path segment
 * comes from a name validated as a DNS-1123 label or subdomain, so none can escape the folder.
 */
enum OutputLayout {
  /** One file per object, and a kustomization per cluster. */
  GITOPS,
  /** One file per cluster. */
  SINGLE_FILE;

  /** Relative path (with '/') to file content, sorted by path. */
  Map<String, String> files(List<ClusterManifests> clusters, String input) {
    Map<String, String> files = new TreeMap<>();
    for (ClusterManifests cluster : clusters) {
      if (cluster.failed() || cluster.objects().isEmpty()) {
        continue;
      }
      String folder = cluster.seed() + "/cluster-" + cluster.cluster();
      if (this == SINGLE_FILE) {
        files.put(folder + ".yaml", YamlManifestWriter.write(cluster.objects(), input));
        continue;
      }
      List<String> resources = new ArrayList<>();
      for (KubernetesObject object : cluster.objects()) {
        String name = object.kind().toLowerCase(Locale.ROOT) + "-" + object.metadata().name() + ".yaml";
        resources.add(name);
        files.put(folder + "/" + name, YamlManifestWriter.write(object, input));
      }
      resources.sort(null);
      files.put(folder + "/kustomization.yaml", YamlManifestWriter.writeKustomization(resources, input));
    }
    return files;
  }
}
