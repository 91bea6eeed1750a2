//! An EC2 instance's life: `pending` → `running` (then its agent starts), and termination.

use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::ec2::{AgentStatus, InstanceState};

pub fn on_running(ctx: &mut Ctx<'_>, region: &str, instance_id: &str) {
    let Some(inst) = ctx.world.region_mut(region).ec2.instances.get_mut(instance_id) else { return };
    if inst.state != InstanceState::Pending {
        return;
    }
    inst.state = InstanceState::Running;
    let starts_agent = inst.agent == AgentStatus::Starting;
    ctx.emit(EventKind::InstanceStateChanged {
        region: region.into(),
        instance_id: instance_id.into(),
        state: InstanceState::Running.name().into(),
    });
    if starts_agent {
        ctx.schedule(tuning::AGENT_START, Action::AgentStart { region: region.into(), instance_id: instance_id.into() });
    }
}

pub fn on_terminated(ctx: &mut Ctx<'_>, region: &str, instance_id: &str) {
    let r = ctx.world.region_mut(region);
    let Some(inst) = r.ec2.instances.get_mut(instance_id) else { return };
    inst.state = InstanceState::Terminated;
    let ip = inst.private_ip.clone();
    r.network.release_ip(&ip);
    ctx.emit(EventKind::InstanceStateChanged {
        region: region.into(),
        instance_id: instance_id.into(),
        state: InstanceState::Terminated.name().into(),
    });
}
