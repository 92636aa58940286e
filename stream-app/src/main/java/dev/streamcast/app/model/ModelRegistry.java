package dev.streamcast.app.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one serving model of this instance. Swaps are atomic: a stream thread reads the reference once per record,
 * so every record is processed entirely under one version. Versions only move forward.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final AtomicReference<ServingModel> current;
    private final boolean pinned;
    private volatile Consumer<ServingModel> onSwap = m -> { };

    /** Starts on the naive model; any newer version from {@code models} is adopted. */
    public ModelRegistry() {
        this(NaiveModel.INSTANCE, false);
    }

    /**
     * @param pinned when true (the model came from {@code --model FILE}), only descendants of the serving version
     *               are adopted, so an unrelated model on the topic does not replace the one asked for
     */
    public ModelRegistry(ServingModel initial, boolean pinned) {
        this.current = new AtomicReference<>(initial);
        this.pinned = pinned;
    }

    public ServingModel current() {
        return current.get();
    }

    public void onSwap(Consumer<ServingModel> listener) {
        this.onSwap = listener;
    }

    /** Adopts {@code candidate} if it is newer (and, when pinned, a descendant). Returns whether it was adopted. */
    public boolean offer(ServingModel candidate, int parentVersion) {
        while (true) {
            ServingModel serving = current.get();
            if (candidate.version() <= serving.version()) {
                return false;
            }
            if (pinned && parentVersion != serving.version()) {
                LOG.info("ignoring model version {} (parent {}): serving pinned version {} from --model",
                        candidate.version(), parentVersion, serving.version());
                return false;
            }
            if (current.compareAndSet(serving, candidate)) {
                LOG.info("now serving model version {} (was {})", candidate.version(), serving.version());
                onSwap.accept(candidate);
                return true;
            }
        }
    }
}
