package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each rendered object goes under {@code --out}. The default GitOps layout is
 * {@code <seed>/cluster-<name>/<kind>-<name>.yaml} plus a {@code kustomization.yaml} per
 * cluster; {@code single-file} writes {@code <seed>/cluster-<name>.yaml}. Either way there is a
 * {@code kustomization.yaml} per seed folder listing its clusters, and one at the top listing
 * the seeds, so that {@code kubectl kustomize} builds any level. Every path segment comes from a
 * name validated as a DNS-1123 label or subdomain, so none can escape the folder.
 */
enum OutputLayout {
  /** One file per object, and a kustomization per cluster. */
  GITOPS,
  /** One file per cluster. */
  SINGLE_FILE;

  static final String KUSTOMIZATION = "kustomization.yaml";

  /** {@code gitops}, {@code single-file}: as {@code --layout} takes it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The longest file name (in UTF-8 bytes) file systems commonly take. */
  static final int MAX_FILE_NAME_BYTES = 255;

  /**
   * {@code <kind>-<name>.yaml}; when that is too long for a file name (a policy name may have
   * 253 characters), the name is cut and followed by {@code _} and 16 hex digits of its SHA-256:
   * stable across runs, different for different names, and never equal to a full name (object
   * names cannot contain {@code _}).
   */
  static String fileName(String kind, String objectName) {
    String full = kind + "-" + objectName + ".yaml";
    if (full.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_FILE_NAME_BYTES) {
      return full;
    }
    String hash;
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(objectName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      hash = java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    int keep = MAX_FILE_NAME_BYTES - (kind.length() + 1 + 1 + hash.length() + ".yaml".length());
    return kind + "-" + objectName.substring(0, keep) + "_" + hash + ".yaml";
  }

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
        String name = fileName(object.kind().toLowerCase(Locale.ROOT), object.metadata().name());
        resources.add(name);
        if (files.put(folder + "/" + name, YamlManifestWriter.write(object, input)) != null) {
          throw new IllegalStateException("two objects of " + folder + " map to the file name " + name);
        }
      }
      resources.sort(null);
      files.put(folder + "/" + KUSTOMIZATION, YamlManifestWriter.writeKustomization(resources, input));
    }
    return files;
  }

  /**
   * The kustomizations above the clusters, for the files there will be ({@code files}, relative
   * paths): {@code <seed>/kustomization.yaml} listing each cluster of the seed (its folder, or
   * its file under single-file), and {@code kustomization.yaml} listing each seed folder. Only
   * what is there is listed, and each once: a kustomization naming a missing resource fails.
   */
  OutputDirectory.LevelFiles levels(String input) {
    return new OutputDirectory.LevelFiles() {
      @Override
      public Map<String, String> of(java.util.Set<String> files) {
        return kustomizationsAbove(files, input);
      }

      @Override
      public boolean holds(String relative) {
        return relative.equals(KUSTOMIZATION) || relative.endsWith("/" + KUSTOMIZATION)
            && relative.indexOf('/') == relative.length() - KUSTOMIZATION.length() - 1;
      }
    };
  }

  private Map<String, String> kustomizationsAbove(java.util.Set<String> files, String input) {
    Map<String, java.util.SortedSet<String>> seeds = new TreeMap<>();
    for (String file : files) {
      String[] parts = file.split("/", -1);
      boolean cluster = this == GITOPS
          ? parts.length == 3 && parts[1].startsWith("cluster-") && parts[2].equals(KUSTOMIZATION)
          : parts.length == 2 && parts[1].startsWith("cluster-") && parts[1].endsWith(".yaml");
      if (cluster) {
        seeds.computeIfAbsent(parts[0], s -> new java.util.TreeSet<>()).add(parts[1]);
      }
    }
    Map<String, String> levels = new TreeMap<>();
    seeds.forEach((seed, clusters) -> levels.put(seed + "/" + KUSTOMIZATION,
        YamlManifestWriter.writeKustomization(List.copyOf(clusters), input)));
    if (!seeds.isEmpty()) {
      levels.put(KUSTOMIZATION, YamlManifestWriter.writeKustomization(List.copyOf(seeds.keySet()), input));
    }
    return levels;
  }
}
