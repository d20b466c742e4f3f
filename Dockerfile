# The Warmtelessen web app as an image, built from the project's own pins (constraints.txt).
#   docker build -t warmtelessen .
#   docker run -p 8866:8866 warmtelessen                       # a new access code at every start (docker logs)
#   docker run -p 8866:8866 warmtelessen warmtelessen app --host 0.0.0.0 --code MIJNCODE
# Behind a reverse proxy or JupyterHub: see README, "De web-app op een server".
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml constraints.txt README.md LICENSE ./
COPY toolkit ./toolkit
RUN pip install --no-cache-dir --disable-pip-version-check -c constraints.txt .
COPY lessons ./lessons
COPY cases ./cases
COPY data ./data
COPY notebooks ./notebooks
COPY profielen ./profielen
COPY docs ./docs
ENV WARMTELESSEN_HOME=/app PYTHONUNBUFFERED=1
RUN useradd --create-home warmte && mkdir -p /app/output && chown warmte /app/output
USER warmte
EXPOSE 8866
CMD ["warmtelessen", "app", "--host", "0.0.0.0"]
