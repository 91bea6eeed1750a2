#!/bin/bash
echo ECS_CLUSTER=lab >> /etc/ecs/ecs.config
