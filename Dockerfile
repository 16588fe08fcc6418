# The platform's image: docker compose build (or docker build -t uprflow/platform .).
# Built from the sources with Maven, so the image needs nothing but this repository.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the container's health check (docker-compose.yml).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 uprflow
COPY --from=build /src/target/upr-flow-*.jar /app/upr-flow.jar
# The JVM options of every way to start the platform (docs/operations.md, Memory), as a java @file argument;
# glibc's malloc arenas are an environment setting. JAVA_TOOL_OPTIONS (compose) adds the heap's share of the limit.
COPY deploy/jvm.options /app/jvm.options
ENV MALLOC_ARENA_MAX=2
USER uprflow
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/upr-flow.jar"]
