package dev.streamcast.app.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The trainer's bounded memory of recent samples and the schedule that says when to train next. */
public final class SampleWindow {

    private final TrainerSettings settings;
    private final ArrayDeque<TrainingSample> samples = new ArrayDeque<>();
    private long sinceTraining;
    private boolean trainedOnce;

    public SampleWindow(TrainerSettings settings) {
        this.settings = settings;
    }

    public void add(TrainingSample s) {
        samples.addLast(s);
        if (samples.size() > settings.reservoir()) {
            samples.removeFirst();
        }
        sinceTraining++;
    }

    /** First training after {@code minSamples}; then after {@code everySamples} new ones. */
    public boolean due() {
        if (samples.size() < settings.minSamples()) {
            return false;
        }
        return !trainedOnce || sinceTraining >= settings.everySamples();
    }

    public List<TrainingSample> snapshotAndReset() {
        trainedOnce = true;
        sinceTraining = 0;
        return new ArrayList<>(samples);
    }

    public int size() {
        return samples.size();
    }

    public void clear() {
        samples.clear();
        sinceTraining = 0;
    }
}
