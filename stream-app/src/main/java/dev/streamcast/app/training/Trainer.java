package dev.streamcast.app.training;

import dev.streamcast.app.forecast.Normalisation;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.RnnModel;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.model.FitOptions;
import dev.streamcast.model.History;
import dev.streamcast.model.Layers;
import dev.streamcast.model.Loss;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Optimizer;
import dev.streamcast.model.Sequential;
import dev.streamcast.model.TrainingDivergedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a candidate on training samples and gates it. Samples are windows of a series' normalised smoothing errors
 * and the error that followed; the forecast adds gain times the RNN's prediction to the smoothing forecast. On the
 * most recent samples (held out from training) the gain is chosen from {@link #GAINS}, and the candidate is published
 * only if its shrunk error there beats the serving model's (with its gain) on the same samples; the smoothing
 * forecast alone (gain 0, the naive model) is the bar for the first one. Pure computation: callers decide where it
 * runs (a worker thread in a running app, inline in a backtest).
 */
public final class Trainer {

    /** The correction gains the gate chooses from on hold-out (0 = the smoothing forecast alone). */
    static final double[] GAINS = {0.25, 0.5, 0.75, 1.0};

    private final TrainerSettings settings;
    private final int window;

    public Trainer(TrainerSettings settings, int window) {
        this.settings = settings;
        this.window = window;
    }

    /** The gate's verdict and, when accepted, the document to publish. */
    public record Outcome(ModelDocument candidate, boolean accepted, double candidateMse, double servingMse,
                          double naiveMse, int samples, String reason) {
    }

    public Outcome train(List<TrainingSample> all, ServingModel serving, String modelName) {
        List<TrainingSample> samples = new ArrayList<>();
        for (TrainingSample s : all) {
            if (s.inputs().length == window) {
                samples.add(s);
            }
        }
        if (samples.size() < settings.minSamples()) {
            return new Outcome(null, false, Double.NaN, Double.NaN, Double.NaN, samples.size(),
                    "only " + samples.size() + " samples of window " + window + "; need " + settings.minSamples());
        }
        samples.sort(Comparator.comparingLong(TrainingSample::ts));
        int holdout = Math.max(1, (int) Math.round(samples.size() * settings.holdoutFraction()));
        List<TrainingSample> train = samples.subList(0, samples.size() - holdout);
        List<TrainingSample> test = samples.subList(samples.size() - holdout, samples.size());
        double[][][] xTest = inputs(test);
        double[][] yTest = targets(test);
        double naiveMse = meanSquare(yTest);
        double servingMse = serving instanceof RnnModel rnn
                ? shrunkMse(rnn.network().predict(xTest), yTest, ModelDocuments.correctionGain(serving)) : naiveMse;

        int version = serving.version() + 1;
        long seed = settings.seed() + 7919L * version;
        Sequential candidate = newNetwork(seed);
        candidate.compile(Optimizer.adam(settings.learningRate()), Loss.MSE);
        History history;
        try {
            history = candidate.fit(flatInputs(train), window, flatTargets(train), FitOptions.builder()
                    .epochs(settings.epochs()).batchSize(settings.batchSize()).shuffle(true).seed(seed)
                    .validationSplit(0.1).earlyStoppingPatience(3).restoreBestWeights(true).build());
        } catch (TrainingDivergedException e) {
            return new Outcome(null, false, Double.NaN, servingMse, naiveMse, samples.size(),
                    "training diverged: " + e.getMessage());
        }
        double[][] predicted = candidate.predict(xTest);
        double gain = 0;
        double candidateMse = naiveMse;
        for (double g : GAINS) {
            double mse = shrunkMse(predicted, yTest, g);
            if (mse < candidateMse) {
                candidateMse = mse;
                gain = g;
            }
        }
        boolean accepted = gain > 0 && Double.isFinite(candidateMse) && candidateMse < servingMse;
        String reason = gain > 0
                ? String.format("hold-out MSE %.5f at gain %.2f vs serving v%d %.5f (smoothing alone %.5f)",
                        candidateMse, gain, serving.version(), servingMse, naiveMse)
                : String.format("no gain of %s made its correction better than the smoothing alone on hold-out "
                        + "(MSE %.5f; serving v%d %.5f)", Arrays.toString(GAINS), naiveMse, serving.version(), servingMse);
        ModelDocument doc = null;
        if (accepted) {
            doc = ModelDocument.of(candidate, metadata(modelName, version, serving.version(), samples, train.size(),
                    test.size(), candidateMse, servingMse, naiveMse, history, seed, gain));
        }
        return new Outcome(doc, accepted, candidateMse, servingMse, naiveMse, samples.size(), reason);
    }

    private Sequential newNetwork(long seed) {
        var builder = Sequential.builder(1);
        switch (settings.cell()) {
            case "simple_rnn" -> builder.add(Layers.simpleRnn(settings.units()));
            case "lstm" -> builder.add(Layers.lstm(settings.units()));
            default -> builder.add(Layers.gru(settings.units()));
        }
        return builder.add(Layers.dense(1)).seed(seed).build();
    }

    private Map<String, Object> metadata(String modelName, int version, int parent, List<TrainingSample> samples,
                                         int trainCount, int holdoutCount, double candidateMse, double servingMse,
                                         double naiveMse, History history, long seed, double gain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ModelDocuments.NAME, modelName);
        m.put(ModelDocuments.VERSION, version);
        m.put(ModelDocuments.PARENT, parent);
        m.put(ModelDocuments.WINDOW, window);
        m.put("created_at", Instant.now().toString());
        m.put(ModelDocuments.NORMALISATION, Map.of("method", Normalisation.METHOD, "clip", Normalisation.CLIP,
                "min_alpha", Normalisation.MIN_ALPHA));
        m.put(ModelDocuments.CORRECTION, Map.of("gain", gain, "chosen_from", List.of(GAINS[0], GAINS[1], GAINS[2],
                GAINS[3]), "on", "holdout"));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("samples", samples.size());
        training.put("train_samples", trainCount);
        training.put("holdout_samples", holdoutCount);
        training.put("series", samples.stream().map(TrainingSample::series).distinct().count());
        training.put("from_ts", samples.get(0).ts());
        training.put("to_ts", samples.get(samples.size() - 1).ts());
        training.put("cell", settings.cell());
        training.put("units", settings.units());
        training.put("epochs_run", history.epochsRun());
        training.put("batch_size", settings.batchSize());
        training.put("optimizer", "adam");
        training.put("learning_rate", settings.learningRate());
        training.put("seed", seed);
        m.put("training", training);
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("holdout_mse", candidateMse);
        validation.put("parent_holdout_mse", servingMse);
        validation.put("naive_holdout_mse", naiveMse);
        m.put("validation", validation);
        return m;
    }

    private static double[][][] inputs(List<TrainingSample> samples) {
        double[][][] x = new double[samples.size()][][];
        for (int i = 0; i < x.length; i++) {
            double[] in = samples.get(i).inputs();
            x[i] = new double[in.length][1];
            for (int t = 0; t < in.length; t++) {
                x[i][t][0] = in[t];
            }
        }
        return x;
    }

    /**
     * The windows one after the other: the flat form model-core trains on. Nested arrays (a double[1] per point)
     * made a training set of 16,000 windows some 400,000 short-lived objects in the service's heap. (Young pauses
     * still reach 37-60 ms while training at 40,000 events/s: these objects were not their main cause.)
     */
    private static double[] flatInputs(List<TrainingSample> samples) {
        int w = samples.isEmpty() ? 0 : samples.get(0).inputs().length;
        double[] x = new double[samples.size() * w];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i).inputs(), 0, x, i * w, w);
        }
        return x;
    }

    private static double[] flatTargets(List<TrainingSample> samples) {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).target();
        }
        return y;
    }

    private static double[][] targets(List<TrainingSample> samples) {
        double[][] y = new double[samples.size()][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = samples.get(i).target();
        }
        return y;
    }

    /** Mean squared error of {@code gain} times the predictions against the targets. */
    static double shrunkMse(double[][] predicted, double[][] y, double gain) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i][0] - gain * predicted[i][0];
            sum += e * e;
        }
        return sum / y.length;
    }

    private static double meanSquare(double[][] y) {
        double sum = 0;
        for (double[] row : y) {
            sum += row[0] * row[0];
        }
        return sum / y.length;
    }
}
