# syntax=docker/dockerfile:1
# The CoachKit jar in two stages: Maven builds it (the build generates jOOQ classes against an
# embedded PostgreSQL, so it needs nothing but the JDK), and a JRE image runs it as a non-root user
# with ffmpeg for video processing. Build: docker build -t coachkit .   Run: see docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# the Maven repository lives in a BuildKit cache, so a rebuild downloads only what changed
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl bootstrap -am -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/coachkit --create-home coachkit \
    && install -d -o coachkit -g coachkit /var/lib/coachkit/data
COPY --from=build /src/bootstrap/target/coachkit.jar /app/coachkit.jar
USER coachkit
WORKDIR /var/lib/coachkit
# single-node mode keeps its embedded database, keys and blobs here; mount a volume to keep them
# (the directory exists and belongs to coachkit, so a new volume starts with that owner)
ENV COACHKIT_DATA_DIR=/var/lib/coachkit/data
VOLUME /var/lib/coachkit/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/coachkit.jar"]
CMD ["serve"]
