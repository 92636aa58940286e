/** Configuration keys, their defaults, and how file, environment and command line combine. */
package dev.streamcast.app.config;
