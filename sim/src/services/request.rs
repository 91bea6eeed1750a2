//! Reading members of an API request built by the CLI (already checked against the model's types by the
//! CLI's parameter validation, so a member of the wrong type is treated as absent).

use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub struct Req<'a>(pub &'a Value);

impl<'a> Req<'a> {
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }
    pub fn str(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(Value::as_str)
    }
    pub fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(Value::as_i64)
    }
    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).and_then(Value::as_bool)
    }
    /// A list of strings; absent means empty.
    pub fn strings(&self, name: &str) -> Vec<&'a str> {
        self.get(name).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
    }
    pub fn list(&self, name: &str) -> &'a [Value] {
        self.get(name).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }
    pub fn at(&self, name: &str) -> Req<'a> {
        Req(self.get(name).unwrap_or(&Value::Null))
    }
}
