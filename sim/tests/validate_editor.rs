//! The editor helpers: hover help and completions from the schema (also on half-typed JSON),
//! starter templates that validate clean, fixes applied as text edits, UTF-16 positions.

use ecs_sim::validate::{
    CompletionKind, Fix, FixChange, TextEdit, apply_fix, byte_to_utf16, completions, hover, templates, utf16_to_byte, validate,
};

fn at(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle} not in text")) + 1
}

#[test]
fn hover_on_a_key_and_on_its_value() {
    let text = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": []}"#;
    let key = hover(text, at(text, "\"networkMode\"")).expect("hover on key");
    assert_eq!(key.title, "networkMode");
    assert_eq!(key.pointer, "/networkMode");
    assert_eq!(key.allowed, ["bridge", "host", "awsvpc", "none"]);
    assert_eq!(key.default.as_deref(), Some("bridge"));
    assert_eq!(key.fact.as_deref(), Some("§1.4"));
    assert!(key.description.contains("awsvpc"));
    assert_eq!(&text[key.start..key.end], "\"networkMode\"");
    let value = hover(text, at(text, "\"awsvpc\"")).expect("hover on value");
    assert_eq!(value.title, "networkMode");
    assert_eq!(&text[value.start..value.end], "\"awsvpc\"");
    let family = hover(text, at(text, "\"family\"")).expect("family");
    assert!(family.required);
}

#[test]
fn hover_inside_nested_shapes() {
    let text = r#"{"family": "f", "containerDefinitions": [{"name": "a", "essential": true, "portMappings": [{"containerPort": 80}], "healthCheck": {"command": ["CMD", "true"], "interval": 30}}]}"#;
    let port = hover(text, at(text, "\"containerPort\"")).expect("port");
    assert_eq!(port.pointer, "/containerDefinitions/0/portMappings/0/containerPort");
    assert_eq!(port.range.as_deref(), Some("1 to 65535"));
    assert_eq!(port.type_text, "integer");
    let essential = hover(text, at(text, "\"essential\"")).expect("essential");
    assert_eq!(essential.default.as_deref(), Some("true"));
    assert_eq!(essential.fact.as_deref(), Some("§1.6"));
    let interval = hover(text, at(text, "\"interval\"")).expect("interval");
    assert_eq!(interval.range.as_deref(), Some("5 to 300"));
    let mappings = hover(text, at(text, "\"portMappings\"")).expect("mappings");
    assert_eq!(mappings.type_text, "list of PortMapping");
}

#[test]
fn key_completions_offer_the_members_not_yet_used() {
    let text = r#"{"family": "f", "containerDefinitions": [{"name": "a",  }]}"#;
    let offset = text.find(",  }").expect("slot") + 2;
    let items = completions(text, offset);
    let labels: Vec<&str> = items.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.contains(&"image") && labels.contains(&"portMappings") && labels.contains(&"essential"));
    assert!(!labels.contains(&"name"), "name is already there");
    let later = r#"{"family": "f", "containerDefinitions": [{"name": "a",  , "image": "x"}]}"#;
    let labels: Vec<String> = completions(later, later.find(",  ,").expect("slot") + 2).into_iter().map(|c| c.label).collect();
    assert!(!labels.iter().any(|l| l == "image" || l == "name"), "keys after the cursor count too");
    let image = items.iter().find(|c| c.label == "image").expect("image");
    assert_eq!(image.kind, CompletionKind::Key);
    assert_eq!(image.insert_text, "\"image\": \"\"");
    assert!(!image.detail.is_empty());
}

#[test]
fn completing_a_half_typed_key_replaces_it() {
    let text = "{\n  \"family\": \"f\",\n  \"netw\n}";
    let offset = text.find("netw").expect("typed") + 4;
    let items = completions(text, offset);
    let mode = items.iter().find(|c| c.label == "networkMode").expect("networkMode offered");
    assert_eq!(&text[mode.start..mode.end], "\"netw");
    assert!(!items.iter().any(|c| c.label == "$schema" || c.label == "family"), "$schema is refused by the CLI; family is there");
    let mut edited = text.to_string();
    edited.replace_range(mode.start..mode.end, &mode.insert_text);
    assert!(edited.contains("\"networkMode\": \"\""));
}

#[test]
fn value_completions_offer_enum_values_and_booleans() {
    let text = r#"{"family": "f", "networkMode": , "containerDefinitions": [{"essential": }]}"#;
    let mode = completions(text, text.find(": ,").expect("slot") + 2);
    let labels: Vec<&str> = mode.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["bridge", "host", "awsvpc", "none"]);
    assert!(mode.iter().all(|c| c.kind == CompletionKind::Value && c.insert_text.starts_with('"')));
    let essential = completions(text, text.find("\"essential\": ").expect("slot") + 13);
    let labels: Vec<&str> = essential.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["true", "false"]);
    let driver_text = r#"{"containerDefinitions": [{"logConfiguration": {"logDriver": "aws"}}]}"#;
    let drivers = completions(driver_text, driver_text.find("\"aws\"").expect("v") + 2);
    assert!(drivers.iter().any(|c| c.label == "awsfirelens"));
}

#[test]
fn every_template_validates_clean() {
    let all = templates();
    assert_eq!(all.len(), 4);
    let ids: Vec<&str> = all.iter().map(|t| t.id).collect();
    assert_eq!(ids, ["fargate-web", "ec2-bridge-dynamic-port", "firelens-sidecar", "efs-volume"]);
    for t in all {
        let r = validate(t.text);
        assert!(r.findings.is_empty(), "{}: {}", t.id, r.render_lines(t.id));
        assert!(!t.title.is_empty() && !t.summary.is_empty());
    }
    let bridge = all.iter().find(|t| t.id == "ec2-bridge-dynamic-port").expect("bridge");
    assert!(bridge.text.contains("\"hostPort\": 0"));
    let firelens = all.iter().find(|t| t.id == "firelens-sidecar").expect("firelens");
    assert!(firelens.text.contains("fluentbit") && firelens.text.contains("awsfirelens"));
}

#[test]
fn fixes_apply_edits_in_text_order() {
    let fix = Fix {
        title: "t".into(),
        change: FixChange::Edits(vec![
            TextEdit { start: 6, end: 7, text: "X".into() },
            TextEdit { start: 0, end: 1, text: "[".into() },
            TextEdit { start: 0, end: 3, text: "overlaps, skipped".into() },
        ]),
    };
    assert_eq!(apply_fix("abcdefgh", &fix), "[bcdefXh");
    let whole = Fix { title: "t".into(), change: FixChange::ReplaceDocument("{}".into()) };
    assert_eq!(apply_fix("anything", &whole), "{}");
}

#[test]
fn utf16_positions_convert_both_ways() {
    let text = "{\"a\": \"é😀\", \"b\": 1}";
    let b_byte = text.find("\"b\"").expect("b");
    let b_utf16 = byte_to_utf16(text, b_byte);
    assert_eq!(b_utf16, b_byte - 3, "é is 2 bytes / 1 unit, 😀 4 bytes / 2 units");
    assert_eq!(utf16_to_byte(text, b_utf16), b_byte);
    assert_eq!(utf16_to_byte(text, 10_000), text.len());
}
