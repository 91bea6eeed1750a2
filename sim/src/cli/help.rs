//! `aws help`, `aws SERVICE help` and `aws SERVICE OPERATION help`: short help built from the API models.
//! The real CLI opens long manual pages; the sandbox prints the synopsis, which is what a learner needs at a
//! prompt, and says which operations it models.

use super::model::{self, ServiceModel, ShapeKind};
use crate::services;

pub fn top() -> String {
    let mut s = String::from("AWS CLI (ECS Sandbox)\n\nSYNOPSIS\n  aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES\n");
    for name in model::service_names() {
        s.push_str(&format!("  o {name}\n"));
    }
    s.push_str("\nGLOBAL OPTIONS\n  --region REGION  --output json|text|table  --query JMESPATH  --version\n");
    s
}

pub fn service(name: &str, model: &ServiceModel) -> String {
    let mut s = format!("{}\n\nAVAILABLE COMMANDS (modelled by ECS Sandbox)\n", model.metadata.service_id);
    let mut others = 0;
    for (cli, api) in model.all_operations.iter() {
        let api = api.as_str().unwrap_or_default();
        if services::handler(name, api).is_some() {
            s.push_str(&format!("  o {cli}\n"));
        } else {
            others += 1;
        }
    }
    if !model.waiters.is_empty() {
        s.push_str("  o wait\n");
    }
    s.push_str(&format!("\n{others} other operations of the real service are not modelled yet.\n"));
    s
}

pub fn operation(service: &str, model: &ServiceModel, api_op: &str) -> String {
    let Some(op) = model.operation(api_op) else {
        return format!("{api_op}: not modelled by ECS Sandbox\n");
    };
    let cli_name = model.all_operations.iter().find(|(_, v)| v.as_str() == Some(api_op)).map_or(api_op, |(k, _)| k.as_str());
    let mut s = format!("{cli_name}\n\nSYNOPSIS\n    aws {service} {cli_name}\n");
    if let Some(input) = op.input.as_deref().and_then(|i| model.shape(i)) {
        for m in &input.members {
            let opt = op.cli.get(&m.name).and_then(|v| v.as_str()).unwrap_or(&m.name);
            let required = input.required().contains(&m.name);
            let kind = model.shape(&m.shape).map(|sh| &sh.kind);
            let arg = match kind {
                Some(ShapeKind::Boolean) => format!("--{opt} | --no-{opt}"),
                Some(ShapeKind::List) => format!("--{opt} <value> [<value>...]"),
                _ => format!("--{opt} <value>"),
            };
            if required {
                s.push_str(&format!("    {arg}\n"));
            } else {
                s.push_str(&format!("    [{arg}]\n"));
            }
        }
    }
    s.push_str("    [--cli-input-json <value>]\n    [--generate-cli-skeleton <value>]\n");
    if services::handler(service, api_op).is_none() {
        s.push_str("\nECS Sandbox does not model this operation yet.\n");
    }
    s
}
