package dev.streamcast.app.topology;

import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.InvalidModelException;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.model.RnnModel;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the global {@code models} store and hands every valid, newer document to the {@link ModelRegistry}, on
 * every instance. Corrupt or incompatible documents are logged and counted; the serving model stays.
 */
final class ModelUpdateProcessor implements Processor<byte[], byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelUpdateProcessor.class);

    private final String modelName;
    private final ModelRegistry registry;
    private final AppMetrics metrics;
    private KeyValueStore<String, byte[]> store;

    ModelUpdateProcessor(String modelName, ModelRegistry registry, AppMetrics metrics) {
        this.modelName = modelName;
        this.registry = registry;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ForecastTopology.MODELS_STORE);
        // A restored global store may not pass its records through process(): adopt what it holds now.
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> adopt(kv.key, kv.value, "restored"));
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String name = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            return; // a tombstone removes nothing that serves: the current model stays
        }
        if (adopt(name, record.value(), "published")) {
            store.put(name, record.value());
        }
    }

    private boolean adopt(String name, byte[] value, String how) {
        if (!modelName.equals(name)) {
            return false;
        }
        try {
            RnnModel model = ModelDocuments.parse(new String(value, StandardCharsets.UTF_8));
            if (registry.offer(model, ModelDocuments.parentVersion(model))) {
                metrics.servingVersion(model.version());
            }
            return true;
        } catch (InvalidModelException e) {
            metrics.invalidModel();
            LOG.warn("rejected {} model document for '{}': {}; still serving version {}", how, name, e.getMessage(),
                    registry.current().version());
            return false;
        }
    }
}
