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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a candidate on training samples and gates it: the candidate is published only if its error on the most
 * recent samples (held out from training) beats the serving model's on the same samples; the naive model's error
 * is the bar for the first one. Pure computation: callers decide where it runs (a worker thread in a running app,
 * inline in a backtest).
 */
public final class Trainer {

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
        double servingMse = serving instanceof RnnModel rnn ? rnn.network().evaluate(xTest, yTest) : naiveMse;

        int version = serving.version() + 1;
        long seed = settings.seed() + 7919L * version;
        Sequential candidate = newNetwork(seed);
        candidate.compile(Optimizer.adam(settings.learningRate()), Loss.MSE);
        History history;
        try {
            history = candidate.fit(inputs(train), targets(train), FitOptions.builder()
                    .epochs(settings.epochs()).batchSize(settings.batchSize()).shuffle(true).seed(seed)
                    .validationSplit(0.1).earlyStoppingPatience(3).restoreBestWeights(true).build());
        } catch (TrainingDivergedException e) {
            return new Outcome(null, false, Double.NaN, servingMse, naiveMse, samples.size(),
                    "training diverged: " + e.getMessage());
        }
        double candidateMse = candidate.evaluate(xTest, yTest);
        boolean accepted = Double.isFinite(candidateMse) && candidateMse < servingMse;
        String reason = String.format("hold-out MSE %.5f vs serving v%d %.5f (naive %.5f)", candidateMse,
                serving.version(), servingMse, naiveMse);
        ModelDocument doc = null;
        if (accepted) {
            doc = ModelDocument.of(candidate, metadata(modelName, version, serving.version(), samples, train.size(),
                    test.size(), candidateMse, servingMse, naiveMse, history, seed));
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
                                         double naiveMse, History history, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ModelDocuments.NAME, modelName);
        m.put(ModelDocuments.VERSION, version);
        m.put(ModelDocuments.PARENT, parent);
        m.put(ModelDocuments.WINDOW, window);
        m.put("created_at", Instant.now().toString());
        m.put(ModelDocuments.NORMALISATION, Map.of("method", Normalisation.METHOD, "clip", Normalisation.CLIP,
                "min_alpha", Normalisation.MIN_ALPHA));
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

    private static double[][] targets(List<TrainingSample> samples) {
        double[][] y = new double[samples.size()][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = samples.get(i).target();
        }
        return y;
    }

    private static double meanSquare(double[][] y) {
        double sum = 0;
        for (double[] row : y) {
            sum += row[0] * row[0];
        }
        return sum / y.length;
    }
}
