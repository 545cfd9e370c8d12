targetScope = 'subscription'

@minLength(1)
@maxLength(32)
@description('Name of the environment (dev, prod …): part of every resource name and the resource group.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('The fine-tuned student deployment: { deployment, model, version, sku, capacity }.')
param student object = {
  deployment: 'student-ft'
  model: 'gpt-4o-mini-2024-07-18.ft-replace-with-your-job-id'
  version: '1'
  sku: 'Standard'
  capacity: 50
}

@description('The teacher deployment: { deployment, model, version, sku, capacity }.')
param teacher object = {
  deployment: 'teacher'
  model: 'gpt-4o'
  version: '2024-11-20'
  sku: 'GlobalStandard'
  capacity: 50
}

@description('The retraining loop: the base model exports are fine-tuned from (empty turns the loop off) and a candidate deployment\'s capacity.')
param fineTuning object = {
  baseModel: ''
  candidateCapacity: 10
}

@description('USD per million tokens, for the cost figures and budgets: { student: { input, cachedInput, output }, teacher: { … } }.')
param prices object = {
  student: { input: '0.30', cachedInput: '0.15', output: '1.20' }
  teacher: { input: '2.50', cachedInput: '1.25', output: '10.00' }
}

@description('Daily cost ceilings in USD (strings): per partner, unless overridden, and for the whole system.')
param budgets object = {
  partnerDailyUsd: '500'
  globalDailyUsd: '12000'
}

@description('The Durable backend: the Durable Task Scheduler (for 16 million requests a day) or the storage account.')
@allowed(['DurableTaskScheduler', 'AzureStorage'])
param durableBackend string = 'DurableTaskScheduler'

@description('Durable Task Scheduler SKU.')
@allowed(['Consumption', 'Dedicated'])
param schedulerSku string = 'Dedicated'

@description('Durable Task Scheduler capacity units (Dedicated SKU).')
@minValue(1)
@maxValue(10)
param schedulerCapacity int = 3

@description('Flex Consumption instance ceiling.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 400

@description('Memory per Flex Consumption instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('How partners prove who they are: their own API keys, checked by the app (keys); or Azure API Management in front (api-management: a subscription per partner, the app reachable from API Management only).')
@allowed(['keys', 'api-management'])
param authMode string = 'keys'

@description('api-management: the partners, one API Management subscription each (their ids).')
param partners string[] = []

@description('api-management: the publisher e-mail and name API Management requires.')
param apimPublisherEmail string = 'ops@example.com'
param apimPublisherName string = 'Liability extraction'

@secure()
@description('api-management: the secret API Management adds to every request; a fresh one per deployment unless given.')
param gatewaySecret string = newGuid()

@description('Days raw request/answer records are kept; those a verified label points at are copied out of their reach.')
@minValue(1)
@maxValue(3650)
param rawRetentionDays int = 90

var tags = { 'azd-env-name': environmentName, workload: 'liability-extraction' }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var taskHubName = 'extraction'
var deploymentContainer = 'app-package'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: { name: 'id-${resourceToken}', location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containers: ['incoming', 'batches', 'raw', 'labelled', 'work', 'training', 'audit', deploymentContainer]
    tables: ['results', 'reviews', 'labels', 'training', 'budgets', 'models', 'shadow', 'credentials', 'purges']
    rawRetentionDays: rawRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: { logAnalyticsName: 'log-${resourceToken}', applicationInsightsName: 'appi-${resourceToken}', location: location, tags: tags }
}

module openai 'modules/openai.bicep' = {
  scope: rg
  params: { name: 'oai-${resourceToken}', location: location, tags: tags, student: student, teacher: teacher }
}

module durableTask 'modules/durabletask.bicep' = if (durableBackend == 'DurableTaskScheduler') {
  scope: rg
  params: {
    name: 'dts-${resourceToken}'
    taskHubName: taskHubName
    location: location
    tags: tags
    skuName: schedulerSku
    capacity: schedulerCapacity
  }
}

module keyVault 'modules/keyvault.bicep' = if (authMode == 'api-management') {
  scope: rg
  params: { name: 'kv-${resourceToken}', location: location, tags: tags, gatewaySecret: gatewaySecret, appPrincipalId: identity.outputs.principalId }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainer: deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    openAiEndpoint: openai.outputs.endpoint
    studentDeployment: openai.outputs.studentDeployment
    teacherDeployment: openai.outputs.teacherDeployment
    studentCapacity: student.capacity
    teacherCapacity: teacher.capacity
    openAiName: 'oai-${resourceToken}'
    fineTuning: fineTuning
    prices: prices
    budgets: budgets
    durableBackend: durableBackend
    schedulerEndpoint: durableTask.?outputs.endpoint ?? ''
    taskHubName: taskHubName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    authMode: authMode
    gatewaySecretUri: keyVault.?outputs.gatewaySecretUri ?? ''
  }
}

module apim 'modules/apim.bicep' = if (authMode == 'api-management') {
  scope: rg
  params: {
    name: 'apim-${resourceToken}'
    location: location
    tags: tags
    publisherEmail: apimPublisherEmail
    publisherName: apimPublisherName
    functionAppHostName: functionApp.outputs.defaultHostName
    keyVaultName: keyVault.?outputs.name ?? ''
    gatewaySecretUri: keyVault.?outputs.gatewaySecretUri ?? ''
    partners: partners
  }
}

module rbac 'modules/rbac.bicep' = {
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    openAiName: 'oai-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    schedulerName: durableBackend == 'DurableTaskScheduler' ? 'dts-${resourceToken}' : ''
    fineTunes: !empty(fineTuning.baseModel)
  }
  dependsOn: [openai, monitoring, durableTask]
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_OPENAI_ENDPOINT string = openai.outputs.endpoint
output AZURE_OPENAI_STUDENT_DEPLOYMENT string = openai.outputs.studentDeployment
output AZURE_OPENAI_TEACHER_DEPLOYMENT string = openai.outputs.teacherDeployment
output DURABLE_TASK_SCHEDULER_ENDPOINT string = durableTask.?outputs.endpoint ?? ''
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output API_GATEWAY_URL string = apim.?outputs.gatewayUrl ?? ''
