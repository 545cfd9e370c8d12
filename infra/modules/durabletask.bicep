@description('Durable Task Scheduler name (3–64 letters, digits and dashes).')
param name string

@description('Task hub name (3–64 letters, digits and dashes).')
param taskHubName string

@description('Azure region.')
param location string

@description('Tags every resource carries.')
param tags object

@description('Consumption for pay-per-use; Dedicated for reserved capacity units.')
@allowed(['Consumption', 'Dedicated'])
param skuName string

@description('Capacity units, for the Dedicated SKU.')
param capacity int

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ['0.0.0.0/0']
    sku: skuName == 'Dedicated' ? { name: skuName, capacity: capacity } : { name: skuName }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

output id string = scheduler.id
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
