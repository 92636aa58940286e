package dev.streamcast.loadgen.baseline;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/** The baseline's graph: input -> {@link BaselineProcessor} (RocksDB store) -> forecasts | dead letters. */
public final class BaselineTopology {

    static final String STORE = "baseline-state";
    static final String FORECASTS_SINK = "forecasts";
    static final String DLQ_SINK = "dead-letters";

    private BaselineTopology() {
    }

    public static Topology build(BaselineSettings s) {
        Topology t = new Topology();
        t.addSource("observations", new ByteArrayDeserializer(), new ByteArrayDeserializer(), s.inputTopic());
        t.addProcessor("baseline", () -> new BaselineProcessor(s.maxValueBytes()), "observations");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(),
                Serdes.ByteArray()), "baseline");
        t.addSink(FORECASTS_SINK, s.forecastsTopic(), new ByteArraySerializer(), new ByteArraySerializer(), "baseline");
        t.addSink(DLQ_SINK, s.dlqTopic(), new ByteArraySerializer(), new ByteArraySerializer(), "baseline");
        return t;
    }
}
