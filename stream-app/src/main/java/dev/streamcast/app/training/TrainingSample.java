package dev.streamcast.app.training;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * One training window: the last {@code inputs.length} normalised inputs of a series and the input that followed.
 * Travels from the stream tasks to the single trainer through the training-samples topic.
 */
public record TrainingSample(String series, long ts, double[] inputs, double target) {

    private static final byte FORMAT = 1;

    public static byte[] encode(long ts, double[] inputs, double target) {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 8 * inputs.length + 8);
        b.put(FORMAT).putLong(ts).putInt(inputs.length);
        for (double x : inputs) {
            b.putDouble(x);
        }
        b.putDouble(target);
        return b.array();
    }

    public static TrainingSample decode(String series, byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != FORMAT) {
                throw new SerializationException("unknown training-sample format");
            }
            long ts = b.getLong();
            int n = b.getInt();
            if (n < 1 || n > 100_000) {
                throw new SerializationException("bad training-sample window length " + n);
            }
            double[] inputs = new double[n];
            for (int i = 0; i < n; i++) {
                inputs[i] = b.getDouble();
            }
            return new TrainingSample(series, ts, inputs, b.getDouble());
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt training sample", e);
        }
    }
}
