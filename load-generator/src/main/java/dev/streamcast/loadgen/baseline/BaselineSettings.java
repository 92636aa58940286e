package dev.streamcast.loadgen.baseline;

/**
 * @param applicationId       Streams application id (also the consumer group and the internal topics' prefix)
 * @param inputTopic          observations
 * @param forecastsTopic      where the one record per accepted input goes
 * @param dlqTopic            where rejected inputs go, with the contract's error headers
 * @param processingGuarantee at_least_once or exactly_once_v2
 * @param threads             num.stream.threads
 * @param maxValueBytes       larger values are rejected as too_large
 */
public record BaselineSettings(String applicationId, String inputTopic, String forecastsTopic, String dlqTopic,
                               String processingGuarantee, int threads, int maxValueBytes) {
}
