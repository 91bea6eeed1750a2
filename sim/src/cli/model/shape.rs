//! One shape of an API model, as `extract.py` writes it.

use serde::Deserialize;

/// A member of a structure: `[name, shape]` or `[name, shape, {"locationName": …}]` in the model file.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub shape: String,
    /// The wire name, where it differs (EC2's query protocol); the CLI prints `name`.
    pub location_name: Option<String>,
    pub idempotency_token: bool,
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize, Default)]
        #[serde(rename_all = "camelCase")]
        struct Extra {
            location_name: Option<String>,
            #[serde(default)]
            idempotency_token: bool,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Two(String, String),
            Three(String, String, Extra),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Two(name, shape) => Member { name, shape, location_name: None, idempotency_token: false },
            Raw::Three(name, shape, e) => {
                Member { name, shape, location_name: e.location_name, idempotency_token: e.idempotency_token }
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShapeKind {
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Boolean,
    Double,
    Float,
    Timestamp,
    Blob,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    #[serde(rename = "type")]
    pub kind: ShapeKind,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    required: Vec<String>,
    /// List element shape.
    pub member: Option<String>,
    pub key: Option<String>,
    pub value: Option<String>,
    #[serde(default, rename = "enum")]
    pub enum_values: Vec<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub pattern: Option<String>,
    #[serde(default)]
    pub document: bool,
    /// A tagged union: exactly one member may be set (botocore validates this).
    #[serde(default)]
    pub union: bool,
    #[serde(default)]
    pub exception: bool,
    #[serde(default)]
    pub sensitive: bool,
}

impl Shape {
    pub fn required(&self) -> &[String] {
        &self.required
    }
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }
    pub fn is_scalar(&self) -> bool {
        !matches!(self.kind, ShapeKind::Structure | ShapeKind::List | ShapeKind::Map)
    }
}
