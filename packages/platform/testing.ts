// Test helpers, kept out of the production entry (they bring pg and Kafka admin clients with them).
export * from './src/testing';
