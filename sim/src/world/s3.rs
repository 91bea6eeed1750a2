//! S3, as far as an application in a task reads it: buckets and object keys. The account starts with two
//! buckets, so a task role's S3 permissions have something to show (`aws s3 ls` inside a task).

use crate::clock::SimTime;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    pub size: u64,
    pub modified: SimTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub name: String,
    pub region: String,
    pub created_at: SimTime,
    pub objects: BTreeMap<String, Object>,
}

#[derive(Debug, Clone, Default)]
pub struct S3 {
    pub buckets: BTreeMap<String, Bucket>,
}

impl S3 {
    pub fn seeded(now: SimTime) -> Self {
        let mut s3 = S3::default();
        let objects = |list: &[(&str, u64)]| list.iter().map(|(k, n)| ((*k).to_string(), Object { size: *n, modified: now })).collect();
        for (name, list) in [
            ("shop-assets-123456789012", vec![("images/logo.png", 48_213), ("index.html", 1_842), ("robots.txt", 24)]),
            ("shop-reports-123456789012", vec![("2026/03/01/orders.csv", 91_407), ("2026/03/02/orders.csv", 88_112)]),
        ] {
            s3.buckets.insert(
                name.to_string(),
                Bucket { name: name.into(), region: crate::tuning::DEFAULT_REGION.into(), created_at: now, objects: objects(&list) },
            );
        }
        s3
    }
}
