/** Rate limits shared by the stream tasks and the HTTP server: a token bucket. */
package dev.streamcast.app.rate;
