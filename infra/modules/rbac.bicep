@description('Principal id of the function app\'s managed identity.')
param principalId string

@description('Storage account name.')
param storageAccountName string
@description('Azure OpenAI account name.')
param openAiName string
@description('Application Insights name.')
param applicationInsightsName string

@description('Durable Task Scheduler name; empty when the Durable backend is Azure Storage.')
param schedulerName string

@description('Whether the retraining loop runs (Training:BaseModel set): it needs to upload files, start jobs and make deployments.')
param fineTunes bool

// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  // Only with the retraining loop: uploading fine-tuning files and creating jobs are data actions User lacks.
  cognitiveServicesOpenAiContributor: 'a001fd3d-188f-4b5d-821b-7da978bf7442'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' existing = if (!empty(schedulerName)) {
  name: schedulerName
}

// Blob Data Owner (not Contributor): the Flex deployment container and the Functions host's blob leases need it.
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
  name: guid(storage.id, principalId, role)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, principalId, roles.cognitiveServicesOpenAiUser)
  scope: openai
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAiUser)
  }
}

resource openAiContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (fineTunes) {
  name: guid(openai.id, principalId, roles.cognitiveServicesOpenAiContributor)
  scope: openai
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAiContributor)
  }
}

// What the retraining loop needs to make a candidate deployment, named explicitly: read the account, and
// read, write and delete its deployments — not its keys, network rules or anything else (Cognitive Services
// Contributor would allow all of that). Microsoft's page lists deployment writes under OpenAI Contributor
// too; this role keeps the loop working whatever that built-in role's definition becomes.
resource deploymentWriter 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (fineTunes) {
  name: guid(resourceGroup().id, 'model-deployment-writer')
  properties: {
    roleName: 'Model deployment writer (${resourceGroup().name})'
    description: 'Creates, reads and deletes model deployments of the Azure OpenAI account, and nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.CognitiveServices/accounts/read'
          'Microsoft.CognitiveServices/accounts/deployments/read'
          'Microsoft.CognitiveServices/accounts/deployments/write'
          'Microsoft.CognitiveServices/accounts/deployments/delete'
        ]
        notActions: []
      }
    ]
    assignableScopes: [resourceGroup().id]
  }
}

resource deploymentWriterAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (fineTunes) {
  name: guid(openai.id, principalId, deploymentWriter.id)
  scope: openai
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: deploymentWriter.id
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource durableTaskContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(schedulerName)) {
  name: guid(resourceGroup().id, schedulerName, principalId, roles.durableTaskDataContributor)
  scope: scheduler
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor)
  }
}
