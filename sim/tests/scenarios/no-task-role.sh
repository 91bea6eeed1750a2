#!/bin/bash
echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config
echo ECS_ENABLE_TASK_IAM_ROLE=false >> /etc/ecs/ecs.config
