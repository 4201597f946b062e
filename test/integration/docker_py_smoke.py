# docker-py 7.1.0 against DOCKER_HOST: the calls a Python user makes first. Prints one JSON
# document so the Vitest side can assert on every answer at once.
import json

import docker

client = docker.from_env(version="auto")
output = client.containers.run("alpine", "echo hi", remove=True)
images = client.images.list()
print(json.dumps({
    "ping": client.ping(),
    "api_version": client.version()["ApiVersion"],
    "run_output": output.decode("utf-8"),
    "image_tags": sorted(tag for image in images for tag in image.tags),
    "leftover_containers": len(client.containers.list(all=True)),
}))
