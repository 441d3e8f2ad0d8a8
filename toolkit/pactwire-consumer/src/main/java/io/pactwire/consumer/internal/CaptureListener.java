package io.pactwire.consumer.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every exchange served by a matched stub until the test ends. Listens before the response is
 * sent, not after: a client that has its response may end the test before an after-send hook runs.
 */
public final class CaptureListener implements ServeEventListener {

  private final ConcurrentLinkedQueue<ServeEvent> served = new ConcurrentLinkedQueue<>();

  @Override
  public String getName() {
    return "pactwire-capture";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    if (serveEvent.getWasMatched() && serveEvent.getStubMapping() != null) {
      served.add(serveEvent);
    }
  }

  /** Returns and forgets the exchanges served so far, in serving order. */
  public List<ServeEvent> drain() {
    List<ServeEvent> events = new ArrayList<>();
    for (ServeEvent e = served.poll(); e != null; e = served.poll()) {
      events.add(e);
    }
    return events;
  }
}
