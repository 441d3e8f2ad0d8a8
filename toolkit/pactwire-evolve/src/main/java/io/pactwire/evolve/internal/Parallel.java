package io.pactwire.evolve.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on every core, each thread taking the next item as it finishes one. A parallel stream
 * splits a list into a few fixed chunks up front (four on two cores): when one chunk's files are
 * slower, or its thread is held up by a collection, one core reads the last chunk alone, and a
 * store's read ended with a fifth of its time on one core.
 */
public final class Parallel {

  private Parallel() {}

  /**
   * {@code f} of each item, in the list's order (null results kept), in a list that cannot be
   * changed. When {@code f} throws for some items, every item is still mapped and the failure of
   * the first such item is thrown, so which one is reported does not depend on timing; an {@link
   * Error} stops the mapping and is thrown before any failure.
   */
  public static <A, B> List<B> map(List<A> items, Function<A, B> f) {
    int n = items.size();
    Object[] results = new Object[n];
    RuntimeException[] failures = new RuntimeException[n];
    AtomicInteger next = new AtomicInteger();
    Error[] fatal = new Error[1];
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            try {
              results[i] = f.apply(items.get(i));
            } catch (RuntimeException e) {
              failures[i] = e;
            } catch (Error e) {
              // out of memory and the like: no item more is started, and it is what is thrown
              synchronized (fatal) {
                if (fatal[0] == null) {
                  fatal[0] = e;
                }
              }
              next.set(n);
            }
          }
        };
    int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
    List<ForkJoinTask<?>> tasks = new ArrayList<>(Math.max(helpers, 0));
    for (int t = 0; t < helpers; t++) {
      tasks.add(ForkJoinPool.commonPool().submit(work));
    }
    work.run();
    tasks.forEach(ForkJoinTask::join);
    if (fatal[0] != null) {
      throw fatal[0];
    }
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    @SuppressWarnings("unchecked")
    List<B> out = (List<B>) Collections.unmodifiableList(Arrays.asList(results));
    return out;
  }
}
