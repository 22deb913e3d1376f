package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.RenderOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the reader's findings against one KKP version's CRD schema hold in a run (docs/spec.md section
 * 2.1): those about an object some cluster is rendered with under a profile that reads that version's
 * schema. An object no cluster is rendered with is judged under the run's profiles: the one the options
 * name, else those of the RenderContexts read, else the default.
 *
 * @since 0.1.0
 */
public final class SchemaFindings {
  private SchemaFindings() {}

  public static List<Diagnostic> inForce(Inputs read, List<ClusterInputs> clusters, RenderOptions options) {
    if (read.diagnostics().stream().allMatch(d -> d.kkpSchema().isEmpty())) {
      return read.diagnostics();
    }
    Map<String, Set<Profile>> usedUnder = new HashMap<>();
    for (ClusterInputs inputs : clusters) {
      Profile profile = options.profileFor(inputs);
      List<String> refs = new ArrayList<>(List.of(inputs.cluster().ref(), inputs.seed().ref()));
      inputs.context().map(RenderContext::ref).ifPresent(refs::add);
      inputs.kubermaticConfiguration().map(KubermaticConfiguration::ref).ifPresent(refs::add);
      refs.forEach(ref -> usedUnder.computeIfAbsent(ref, r -> EnumSet.noneOf(Profile.class)).add(profile));
    }
    Set<Profile> ofTheRun = runProfiles(read, options);
    List<Diagnostic> held = new ArrayList<>();
    for (Diagnostic d : read.diagnostics()) {
      Set<Profile> profiles = d.object().map(usedUnder::get).orElse(ofTheRun);
      if ((profiles == null ? ofTheRun : profiles).stream().anyMatch(p -> p.reports(d))) {
        held.add(d);
      }
    }
    return held;
  }

  private static Set<Profile> runProfiles(Inputs read, RenderOptions options) {
    if (options.profile().isPresent()) {
      return EnumSet.of(options.profile().get());
    }
    Set<Profile> named = EnumSet.noneOf(Profile.class);
    read.contexts().forEach(c -> named.add(c.profile().orElse(Profile.DEFAULT)));
    return named.isEmpty() ? EnumSet.of(Profile.DEFAULT) : named;
  }
}
