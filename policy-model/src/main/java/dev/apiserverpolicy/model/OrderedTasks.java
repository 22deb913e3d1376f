package dev.apiserverpolicy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Where the reader and the renderer do independent work side by side: the caller's executor if
 * it gave one, else the common fork-join pool (as parallel streams do). Results come back in the
 * order of the items, whatever order they finish in.
 *
 * @since 0.1.0
 */
public final class OrderedTasks {
  private OrderedTasks() {}

  /**
   * {@code task} applied to every item, results in item order. An exception thrown by a task is
   * rethrown here as it was thrown.
   */
  public static <A, B> List<B> map(List<A> items, Function<? super A, ? extends B> task,
      Optional<Executor> executor) {
    if (items.size() < 2) {
      List<B> out = new ArrayList<>(items.size());
      items.forEach(item -> out.add(task.apply(item)));
      return out;
    }
    if (executor.isEmpty()) {
      return items.parallelStream().<B>map(task).toList();
    }
    List<CompletableFuture<B>> futures = new ArrayList<>(items.size());
    for (A item : items) {
      futures.add(CompletableFuture.supplyAsync(() -> task.apply(item), executor.get()));
    }
    List<B> out = new ArrayList<>(items.size());
    for (CompletableFuture<B> future : futures) {
      try {
        out.add(future.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
    return out;
  }
}
