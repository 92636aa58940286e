package dev.streamcast.app.topology;

import dev.streamcast.app.forecast.ForecastSettings;

/**
 * What the topology needs to know: topic names, the model name (key on {@code models}), input limits and the
 * forecasting settings.
 */
public record TopologySettings(String observationsTopic, String forecastsTopic, String deadLetterTopic,
                               String modelsTopic, String samplesTopic, String modelName, int maxValueBytes,
                               ForecastSettings forecast) {

    public static TopologySettings defaults() {
        return new TopologySettings("observations", "forecasts", "observations-dlq", "models",
                "streamcast-training-samples", "forecaster", 16 * 1024, ForecastSettings.defaults());
    }

    public TopologySettings withForecast(ForecastSettings f) {
        return new TopologySettings(observationsTopic, forecastsTopic, deadLetterTopic, modelsTopic, samplesTopic,
                modelName, maxValueBytes, f);
    }
}
