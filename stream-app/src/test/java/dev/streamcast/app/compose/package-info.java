/** Checks of docker-compose.yml and docker/Dockerfile that need no Docker engine: names, ports, settings, options. */
package dev.streamcast.app.compose;
