package dev.streamcast.loadgen.produce;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * For {@code produce --dry-run}: acknowledges every record at once and keeps nothing, so a run measures generation
 * and encoding alone, without Kafka.
 */
public final class DiscardingProducer extends MockProducer<byte[], byte[]> {

    private static final RecordMetadata ACK = new RecordMetadata(new TopicPartition("dry-run", 0), 0, 0, 0, 0, 0);
    private static final Future<RecordMetadata> DONE = CompletableFuture.completedFuture(ACK);

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (callback != null) {
            callback.onCompletion(ACK, null);
        }
        return DONE;
    }

    @Override
    public void flush() {
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return List.of();
    }
}
